package io.spotbridge.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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

/** Spot failing 30% of the calls with 5xx and answering 429 in bursts: everything converges, nothing is dead-lettered. */
class FlakySpotIT {

	static final String TENANT = "flaky";

	static WorkerSetup setup;

	static RunningWorker worker;

	static EventTopic events;

	static SpotApi spot;

	@BeforeAll
	static void start() {
		setup = WorkerSetup.named("flaky").tenant(TENANT);
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
	void thirtyPercentServerErrorsAndRateLimitBurstsConvergeWithoutDeadLetters() {
		String token = setup.token(TENANT);
		long tooManyBefore = spot.answered(429);
		spot.faults(Map.of("errorRate", 0.3, "errorStatus", 503, "rateLimitPerMinute", 8));

		Map<String, String> expectedPolicy = new HashMap<>();
		List<UserEvent> batch = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			Events.UserBuilder user = Events.user(TENANT).role(i % 3 == 0 ? "Editor" : "Viewer");
			batch.add(user.created());
			if (i % 4 == 0) {
				batch.add(user.next().role("Editor").updated());
			}
			expectedPolicy.put(user.email(), user.snapshot().role().equals("Editor") ? "0" : "3");
		}
		events.publishAll(batch);

		// a burst: the per-minute limit is hit, then lifted (Spot's windows are a minute; this test is not)
		await().atMost(Duration.ofSeconds(20)).until(() -> spot.answered(429) - tooManyBefore >= 5);
		spot.faults(Map.of("rateLimitPerMinute", 100_000));

		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
			Map<String, String> actual = new HashMap<>();
			spot.users(token).forEach(user -> actual.put(user.path("email").asString(), user.path("userId").asString()));
			assertThat(actual.keySet()).containsAll(expectedPolicy.keySet());
		});
		spot.faults(Map.of("errorRate", 0));
		expectedPolicy.forEach((email, policy) -> await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(spot.userByEmail(token, email).orElseThrow().policyIds())
				.containsExactly(policy)));

		assertThat(spot.users(token)).hasSize(40);
		assertThat(worker.timerCount("bridge.worker.spot.calls", "status", "503")).as("injected 5xx").isPositive();
		assertThat(worker.timerCount("bridge.worker.spot.calls", "status", "429")).as("rate limited").isPositive();
		assertThat(worker.counter("bridge.worker.retries", "tenant", TENANT)).isPositive();
		assertThat(worker.processed("outcome", "dead-lettered")).isZero();
		assertThat(EventTopic.readAll(setup.bootstrapServers(), setup.deadLetters())).isEmpty();
	}

}
