package io.spotbridge.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.spotbridge.model.UserEvent;
import io.spotbridge.worker.support.EventTopic;
import io.spotbridge.worker.support.Events;
import io.spotbridge.worker.support.RunningWorker;
import io.spotbridge.worker.support.SharedInfra;
import io.spotbridge.worker.support.SpotApi;
import io.spotbridge.worker.support.WorkerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spot rejects one tenant's token: that tenant pauses (no dead letters, no flood of calls), its health says DOWN and
 * why, another tenant keeps flowing, and everything recovers by itself once the token works again.
 */
class RevokedTokenIT {

	static final String REVOKED = "revoked";

	static final String HEALTHY = "healthy";

	static WorkerSetup setup;

	static RunningWorker worker;

	static EventTopic events;

	static SpotApi spot;

	@BeforeAll
	static void start() {
		setup = WorkerSetup.named("tokens").tenant(REVOKED).tenant(HEALTHY);
		spot = SharedInfra.spot();
		worker = setup.start();
		events = setup.eventTopic();
	}

	@AfterEach
	void clearFaults() {
		spot.clearFaults();
	}

	@AfterAll
	static void stop() {
		if (events != null) {
			events.close();
		}
		if (worker != null) {
			worker.close();
		}
	}

	@Test
	void aRevokedTokenPausesItsTenantWithAReasonAndRecoversWhenTheTokenWorksAgain() {
		spot.faults(Map.of("revokedTokens", List.of(setup.token(REVOKED))));
		List<UserEvent> batch = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			batch.add(Events.user(REVOKED).created());
			batch.add(Events.user(HEALTHY).created());
		}
		events.publishAll(batch);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			RunningWorker.Answer health = worker.management("/actuator/health/spot/" + REVOKED);
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.body()).contains("\"status\":\"DOWN\"")
				.contains("Spot rejected the token for tenant revoked (401)");
		});
		assertThat(worker.management("/actuator/health/readiness").status()).isEqualTo(503);
		assertThat(worker.management("/actuator/health/spot/" + HEALTHY).body()).contains("\"status\":\"UP\"");
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(spot.users(setup.token(HEALTHY))).hasSize(10));

		long rejectedCalls = worker.timerCount("bridge.worker.spot.calls", "tenant", REVOKED, "status", "401");
		assertThat(rejectedCalls).as("401s: the tenant waits instead of retrying every event").isLessThan(40);
		assertThat(worker.processed("outcome", "dead-lettered")).isZero();
		assertThat(EventTopic.readAll(setup.bootstrapServers(), setup.deadLetters())).isEmpty();

		spot.clearFaults();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(spot.users(setup.token(REVOKED))).hasSize(10));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(worker.management("/actuator/health/spot/" + REVOKED).body()).contains("\"status\":\"UP\"");
			assertThat(worker.management("/actuator/health/readiness").status()).isEqualTo(200);
		});
		assertThat(EventTopic.readAll(setup.bootstrapServers(), setup.deadLetters())).isEmpty();
	}

}
