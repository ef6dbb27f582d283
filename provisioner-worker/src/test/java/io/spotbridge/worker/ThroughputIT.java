package io.spotbridge.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
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
 * Many Spot calls in flight per partition: with a slow Spot (1 s per call by default, so that waiting dominates CPU
 * even on a busy machine), a backlog is provisioned far faster than one call at a time per partition could (3
 * partitions, 2 calls per new user: 40 s for 60 users). Prints users/s; {@code -Dlatency=50 -Dusers=2000} for a
 * bigger run.
 */
class ThroughputIT {

	static final String TENANT = "bulk";

	static final int LATENCY_MS = Integer.getInteger("latency", 1000);

	static final int USERS = Integer.getInteger("users", 60);

	static final int PARTITIONS = 3;

	static WorkerSetup setup;

	static RunningWorker worker;

	static EventTopic events;

	static SpotApi spot;

	@BeforeAll
	static void start() {
		setup = WorkerSetup.named("bulk").tenant(TENANT);
		spot = SharedInfra.spot();
		worker = setup.start("bridge.defaults.calls-per-second=10000", "bridge.spot.response-timeout=20s");
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
	void aBacklogIsProvisionedWithManySpotCallsInFlightPerPartition() {
		List<UserEvent> backlog = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			backlog.add(Events.user(TENANT).role(i % 2 == 0 ? "Viewer" : "Editor").created());
		}
		spot.faults(Map.of("latencyMs", LATENCY_MS));

		long started = System.nanoTime();
		events.publishAll(backlog);
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> worker.processed("tenant", TENANT, "outcome", "applied") >= USERS);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		Duration oneCallAtATime = Duration.ofMillis((long) USERS * 2 * LATENCY_MS / PARTITIONS);
		System.out.printf("THROUGHPUT: %d users in %d ms at %d ms per Spot call = %.0f users/s "
				+ "(one call at a time per partition: >= %d ms)%n", USERS, took.toMillis(), LATENCY_MS,
				USERS * 1000.0 / took.toMillis(), oneCallAtATime.toMillis());
		worker.bean(MeterRegistry.class).find("bridge.worker.spot.calls").timers()
			.forEach(timer -> System.out.printf("THROUGHPUT: %s x%d mean %.0f ms%n", timer.getId().getTag("route"),
					timer.count(), timer.mean(TimeUnit.MILLISECONDS)));
		assertThat(spot.users(setup.token(TENANT))).hasSize(USERS);
		assertThat(took).isLessThan(oneCallAtATime.dividedBy(2));
	}

}
