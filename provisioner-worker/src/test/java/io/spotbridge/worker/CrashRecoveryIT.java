package io.spotbridge.worker;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.spotbridge.worker.links.LinkCodec;
import io.spotbridge.worker.links.UserLink;
import io.spotbridge.worker.support.EventTopic;
import io.spotbridge.worker.support.Events;
import io.spotbridge.worker.support.LinkWriteFaults;
import io.spotbridge.worker.support.RunningWorker;
import io.spotbridge.worker.support.SharedInfra;
import io.spotbridge.worker.support.SpotApi;
import io.spotbridge.worker.support.WorkerSetup;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crashes and restarts: a lost link write, a worker that dies between the Spot create and the link write (another
 * worker of the group takes over), and a restart that must keep the version fence (links rebuilt from the topic).
 */
class CrashRecoveryIT {

	static final String TENANT = "crash";

	static WorkerSetup setup;

	static EventTopic events;

	static SpotApi spot;

	static String token;

	@BeforeAll
	static void start() {
		setup = WorkerSetup.named("crash").tenant(TENANT);
		token = setup.token(TENANT);
		spot = SharedInfra.spot();
		events = setup.eventTopic();
	}

	@AfterAll
	static void stop() {
		if (events != null) {
			events.close();
		}
	}

	@Test
	void aLostLinkWriteIsRetriedWithoutASecondSpotUser() {
		Events.UserBuilder ann = Events.user(TENANT);
		LinkWriteFaults.failOnce(ann.key());
		try (RunningWorker worker = setup.start(List.of(LinkWriteFaults.class))) {
			events.publish(ann.created());

			String userId = await().atMost(Duration.ofSeconds(20))
				.until(() -> link(ann.key()), Optional::isPresent)
				.get()
				.spotUserId();

			assertThat(spot.usersWithEmail(token, ann.email())).hasSize(1);
			assertThat(spot.userByEmail(token, ann.email()).orElseThrow().userId()).isEqualTo(userId);
			assertThat(worker.counter("bridge.worker.retries", "tenant", TENANT)).isPositive();
		}
	}

	@Test
	void aWorkerDyingBetweenTheSpotCreateAndTheLinkWriteLeavesNoDuplicate() throws InterruptedException {
		Events.UserBuilder ben = Events.user(TENANT).role("Editor");
		CountDownLatch createdButNotLinked = LinkWriteFaults.hang(ben.key());
		RunningWorker dying = setup.start(List.of(LinkWriteFaults.class));
		String created;
		try {
			events.publish(ben.created());
			assertThat(createdButNotLinked.await(20, TimeUnit.SECONDS)).isTrue();
			created = spot.userByEmail(token, ben.email()).orElseThrow().userId();
			assertThat(link(ben.key())).isEmpty();
		}
		finally {
			dying.close();
		}

		try (RunningWorker successor = setup.start()) {
			UserLink link = await().atMost(Duration.ofSeconds(20))
				.until(() -> link(ben.key()), Optional::isPresent)
				.get();

			assertThat(link.spotUserId()).isEqualTo(created);
			assertThat(spot.usersWithEmail(token, ben.email())).hasSize(1);
			assertThat(spot.userByEmail(token, ben.email()).orElseThrow().policyIds()).containsExactly("0");
		}
	}

	@Test
	void aRestartedWorkerRebuildsTheLinksAndKeepsTheVersionFence() {
		Events.UserBuilder cid = Events.user(TENANT);
		try (RunningWorker first = setup.start()) {
			events.publish(cid.created());
			events.publish(cid.next().role("Editor").updated());
			await().atMost(Duration.ofSeconds(20))
				.until(() -> link(cid.key()).map(UserLink::appliedVersion).orElse(0L) == 2);
		}
		// a stale record (same version as applied) arrives while no worker runs
		events.publish(cid.version(2).role("Viewer").updated());

		try (RunningWorker restarted = setup.start()) {
			assertThat(restarted.management("/actuator/health/links").body()).contains("\"status\":\"UP\"");
			await().atMost(Duration.ofSeconds(20)).until(() -> restarted.processed("outcome", "skipped-stale") >= 1);
			assertThat(spot.userByEmail(token, cid.email()).orElseThrow().policyIds()).containsExactly("0");
			assertThat(spot.usersWithEmail(token, cid.email())).hasSize(1);
		}
	}

	static Optional<UserLink> link(String key) {
		UserLink latest = null;
		for (ConsumerRecord<String, byte[]> record : EventTopic.readAll(setup.bootstrapServers(), setup.userLinks())) {
			if (key.equals(record.key())) {
				latest = LinkCodec.decode(record.key(), record.value());
			}
		}
		return Optional.ofNullable(latest);
	}

}
