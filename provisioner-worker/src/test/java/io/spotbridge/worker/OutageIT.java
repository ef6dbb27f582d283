package io.spotbridge.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.spotbridge.model.UserEvent;
import io.spotbridge.worker.reconcile.PartitionPauses;
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
 * A 20 s Spot outage: the tenant's breaker opens, consumption of the affected partitions pauses (Spot is not
 * hammered), and once Spot is back everything converges with zero dead letters.
 */
class OutageIT {

	static final String TENANT = "outage";

	static WorkerSetup setup;

	static RunningWorker worker;

	static EventTopic events;

	static SpotApi spot;

	@BeforeAll
	static void start() {
		setup = WorkerSetup.named("outage").tenant(TENANT);
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
	void anOutageOpensTheBreakerPausesConsumptionAndEverythingConvergesAfterIt() {
		String token = setup.token(TENANT);
		List<Events.UserBuilder> before = users(5);
		events.publishAll(before.stream().map(Events.UserBuilder::created).toList());
		await().atMost(Duration.ofSeconds(20)).until(() -> spot.users(token).size() == 5);

		spot.faults(Map.of("outageSeconds", 20));
		long outageStarted = System.nanoTime();
		List<Events.UserBuilder> during = users(20);
		List<UserEvent> changes = new ArrayList<>(during.stream().map(Events.UserBuilder::created).toList());
		changes.add(before.get(0).next().role("Editor").updated());
		changes.add(before.get(1).next().deactivated());
		events.publishAll(changes);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			assertThat(worker.management("/actuator/health/spot/" + TENANT).body()).contains("\"breaker\":\"open\"");
			assertThat(worker.bean(PartitionPauses.class).paused()).isNotEmpty();
		});
		assertThat(worker.management("/actuator/health/consumption").body()).contains("outage");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> worker.gauge("bridge.worker.oldest.unapplied.age", "tenant", TENANT) >= 1);
		assertThat(worker.management("/actuator/prometheus").body())
			.containsPattern("bridge_worker_partitions_paused\\{[^}]*\\} [1-9]");

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
			assertThat(spot.users(token)).hasSize(24);
			assertThat(spot.userByEmail(token, before.get(0).email()).orElseThrow().policyIds()).containsExactly("0");
		});
		Duration converged = Duration.ofNanos(System.nanoTime() - outageStarted);
		assertThat(converged).isGreaterThan(Duration.ofSeconds(19));
		long failedCalls = worker.timerCount("bridge.worker.spot.calls", "tenant", TENANT, "status", "503");
		assertThat(failedCalls).as("calls answered 503 during a 20 s outage (not hammering)").isLessThan(150);
		assertThat(worker.processed("outcome", "dead-lettered")).isZero();
		assertThat(EventTopic.readAll(setup.bootstrapServers(), setup.deadLetters())).isEmpty();
		await().atMost(Duration.ofSeconds(10)).until(() -> worker.bean(PartitionPauses.class).paused().isEmpty());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> worker.gauge("bridge.worker.oldest.unapplied.age", "tenant", TENANT) == 0);
	}

	private static List<Events.UserBuilder> users(int count) {
		List<Events.UserBuilder> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			users.add(Events.user(TENANT));
		}
		return users;
	}

}
