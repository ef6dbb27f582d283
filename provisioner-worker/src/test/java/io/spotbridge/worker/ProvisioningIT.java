package io.spotbridge.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.spotbridge.model.UserEvent;
import io.spotbridge.worker.links.LinkCodec;
import io.spotbridge.worker.links.UserLink;
import io.spotbridge.worker.support.EventTopic;
import io.spotbridge.worker.support.Events;
import io.spotbridge.worker.support.RunningWorker;
import io.spotbridge.worker.support.SharedInfra;
import io.spotbridge.worker.support.SpotApi;
import io.spotbridge.worker.support.SpotApi.SpotUserView;
import io.spotbridge.worker.support.WorkerSetup;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lifecycle of users end to end: events published to a real broker, one worker, the simulator checked through
 * Spot's own API.
 */
class ProvisioningIT {

	static final String TENANT = "acme";

	static WorkerSetup setup;

	static RunningWorker worker;

	static EventTopic events;

	static SpotApi spot;

	static String token;

	@BeforeAll
	static void start() {
		setup = WorkerSetup.named("provisioning").tenant(TENANT);
		token = setup.token(TENANT);
		spot = SharedInfra.spot();
		worker = setup.start();
		events = setup.eventTopic();
		// steady state for the latency claim: connections open, code paths warm
		Events.UserBuilder warmUp = Events.user(TENANT);
		events.publish(warmUp.created());
		await().atMost(Duration.ofSeconds(30)).until(() -> spot.userByEmail(token, warmUp.email()).isPresent());
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
	void creationMakesASpotUserWithTheViewerPolicyWithinTwoSeconds() {
		Events.UserBuilder ada = Events.user(TENANT);
		long published = System.nanoTime();
		events.publish(ada.created());

		SpotUserView user = await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> spot.userByEmail(token, ada.email()), u -> u.isPresent() && u.get().policyIds().equals(List.of("3")))
			.get();
		Duration took = Duration.ofNanos(System.nanoTime() - published);

		assertThat(user.accountIds()).containsExactly(List.of("*"));
		assertThat(took).isLessThan(Duration.ofSeconds(2));
		await().untilAsserted(() -> assertThat(link(ada.key())).hasValueSatisfying(link -> {
			assertThat(link.spotUserId()).isEqualTo(user.userId());
			assertThat(link.appliedVersion()).isEqualTo(1);
		}));
	}

	@Test
	void roleChangeToEditorMapsTheOrganizationAdminPolicy() {
		Events.UserBuilder bob = Events.user(TENANT);
		events.publish(bob.created());
		awaitPolicies(bob.email(), List.of("3"));

		events.publish(bob.next().role("Editor").updated());

		awaitPolicies(bob.email(), List.of("0"));
		assertThat(spot.userByEmail(token, bob.email()).orElseThrow().withSameEmail()).isEqualTo(1);
	}

	@Test
	void roleNamesAreCaseInsensitiveAndUnknownRolesGetTheDefaultRole() {
		Events.UserBuilder shouting = Events.user(TENANT).role("EDITOR");
		Events.UserBuilder auditor = Events.user(TENANT).role("Auditor");
		Events.UserBuilder none = Events.user(TENANT).role(null);
		events.publish(shouting.created());
		events.publish(auditor.created());
		events.publish(none.created());

		awaitPolicies(shouting.email(), List.of("0"));
		awaitPolicies(auditor.email(), List.of("3"));
		awaitPolicies(none.email(), List.of("3"));
	}

	@Test
	void deactivationDeletesTheSpotUser() {
		Events.UserBuilder carol = Events.user(TENANT);
		events.publish(carol.created());
		awaitPolicies(carol.email(), List.of("3"));

		events.publish(carol.next().deactivated());

		await().atMost(Duration.ofSeconds(10)).until(() -> spot.usersWithEmail(token, carol.email()).isEmpty());
		await().untilAsserted(() -> assertThat(link(carol.key())).hasValueSatisfying(link -> {
			assertThat(link.spotUser()).isEmpty();
			assertThat(link.appliedVersion()).isEqualTo(2);
		}));
	}

	@Test
	void reactivationRecreatesTheUserAndUpdatesTheLink() {
		Events.UserBuilder dave = Events.user(TENANT);
		events.publish(dave.created());
		String first = awaitPolicies(dave.email(), List.of("3")).userId();
		events.publish(dave.next().deactivated());
		await().atMost(Duration.ofSeconds(10)).until(() -> spot.usersWithEmail(token, dave.email()).isEmpty());

		events.publish(dave.next().reactivated());

		String second = awaitPolicies(dave.email(), List.of("3")).userId();
		assertThat(second).isNotEqualTo(first);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(link(dave.key()))
			.hasValueSatisfying(link -> {
				assertThat(link.spotUserId()).isEqualTo(second);
				assertThat(link.appliedVersion()).isEqualTo(3);
			}));
	}

	@Test
	void deletionDeletesTheSpotUser() {
		Events.UserBuilder erin = Events.user(TENANT);
		events.publish(erin.created());
		awaitPolicies(erin.email(), List.of("3"));

		events.publish(erin.next().deleted());

		await().atMost(Duration.ofSeconds(10)).until(() -> spot.usersWithEmail(token, erin.email()).isEmpty());
	}

	@Test
	void duplicateDeliveryOfTheSameEventLeavesOneSpotUser() {
		Events.UserBuilder fay = Events.user(TENANT);
		UserEvent created = fay.created();
		double skippedBefore = worker.processed("outcome", "skipped-stale");
		events.publish(created);
		events.publish(created);
		events.publish(created);

		awaitPolicies(fay.email(), List.of("3"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> worker.processed("outcome", "skipped-stale") + worker.processed("outcome", "coalesced")
					- skippedBefore >= 2);
		assertThat(spot.usersWithEmail(token, fay.email())).hasSize(1);
	}

	@Test
	void staleEventAfterANewerOneIsSkipped() {
		Events.UserBuilder gil = Events.user(TENANT);
		events.publish(gil.created());
		awaitPolicies(gil.email(), List.of("3"));
		events.publish(gil.version(3).role("Editor").updated());
		awaitPolicies(gil.email(), List.of("0"));
		double skippedBefore = worker.processed("outcome", "skipped-stale");

		events.publish(gil.version(2).role("Viewer").updated());

		await().atMost(Duration.ofSeconds(10)).until(() -> worker.processed("outcome", "skipped-stale") > skippedBefore);
		assertThat(spot.userByEmail(token, gil.email()).orElseThrow().policyIds()).containsExactly("0");
		assertThat(link(gil.key()).orElseThrow().appliedVersion()).isEqualTo(3);
	}

	@Test
	void aBacklogOfOneUserIsAppliedAsItsLatestState() {
		Events.UserBuilder hal = Events.user(TENANT);
		List<UserEvent> backlog = List.of(hal.created(), hal.next().role("Editor").updated(),
				hal.next().deactivated(), hal.next().reactivated(), hal.next().role("Viewer").updated(),
				hal.next().role("Editor").updated());
		events.publishAll(backlog);

		awaitPolicies(hal.email(), List.of("0"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(link(hal.key()).orElseThrow().appliedVersion()).isEqualTo(6));
		assertThat(spot.usersWithEmail(token, hal.email())).hasSize(1);
	}

	@Test
	void namesWithCharactersSpotRejectsAreSanitized() {
		Events.UserBuilder ivy = Events.user(TENANT).names("Ivy+Ann", "O=Neil@Home");
		Events.UserBuilder nameless = Events.user(TENANT).names(null, "  ");
		events.publish(ivy.created());
		events.publish(nameless.created());

		awaitPolicies(ivy.email(), List.of("3"));
		awaitPolicies(nameless.email(), List.of("3"));
	}

	@Test
	void emailChangeReplacesTheSpotUser() {
		Events.UserBuilder jan = Events.user(TENANT);
		events.publish(jan.created());
		String old = awaitPolicies(jan.email(), List.of("3")).userId();
		String oldEmail = jan.email();

		events.publish(jan.next().email("renamed-" + oldEmail).updated());

		String renamed = awaitPolicies(jan.email(), List.of("3")).userId();
		assertThat(renamed).isNotEqualTo(old);
		await().atMost(Duration.ofSeconds(10)).until(() -> spot.usersWithEmail(token, oldEmail).isEmpty());
		await().untilAsserted(() -> assertThat(link(jan.key()).orElseThrow().spotUserId()).isEqualTo(renamed));
	}

	@Test
	void aSpotUserThatAlreadyHasTheEmailIsAdoptedInsteadOfDuplicated() {
		Events.UserBuilder kim = Events.user(TENANT).role("Editor");
		String existing = spot.createUser(token, kim.email());

		events.publish(kim.created());

		SpotUserView user = awaitPolicies(kim.email(), List.of("0"));
		assertThat(user.userId()).isEqualTo(existing);
		assertThat(user.withSameEmail()).isEqualTo(1);
	}

	@Test
	void anUndeserializableRecordIsDeadLettered() {
		events.publishRaw(TENANT + "/garbage", "{not json".getBytes(StandardCharsets.UTF_8));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> deadLetters().stream().anyMatch(r -> (TENANT + "/garbage").equals(r.key())));
		ConsumerRecord<String, byte[]> letter = deadLetters().stream()
			.filter(r -> (TENANT + "/garbage").equals(r.key()))
			.findFirst()
			.orElseThrow();
		assertThat(header(letter, "x-exception-class")).isEqualTo("io.spotbridge.model.EventCodecException");
		assertThat(header(letter, "x-original-topic")).isEqualTo(setup.userEvents());
		assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
	}

	@Test
	void anEventOfAnUnconfiguredTenantIsDeadLettered() {
		Events.UserBuilder stranger = Events.user("nobody");
		events.publish(stranger.created());

		await().atMost(Duration.ofSeconds(10))
			.until(() -> deadLetters().stream().anyMatch(r -> stranger.key().equals(r.key())));
	}

	@Test
	void metricsAndHealthAreExposedOnTheManagementPortWithoutUserIdsOrEmails() {
		Events.UserBuilder zoe = Events.user(TENANT);
		events.publish(zoe.created());
		awaitPolicies(zoe.email(), List.of("3"));

		String metrics = worker.management("/actuator/prometheus").body();

		assertThat(metrics)
			.contains("bridge_worker_events_processed_total{application=\"provisioner-worker\",outcome=\"applied\","
					+ "tenant=\"acme\",type=\"UserCreated\"}")
			.contains("bridge_worker_spot_calls_seconds_count{application=\"provisioner-worker\","
					+ "route=\"POST /setup/user\",status=\"200\",tenant=\"acme\"}")
			.contains("bridge_worker_breaker_state{application=\"provisioner-worker\",breaker=\"outage\","
					+ "state=\"closed\",tenant=\"acme\"} 1.0")
			.contains("bridge_worker_ratelimiter_available{")
			.contains("bridge_worker_spot_ratelimit_remaining{")
			.contains("bridge_worker_apply_latency_seconds_bucket{")
			.contains("bridge_worker_links_size{")
			.contains("bridge_worker_oldest_unapplied_age_seconds{application=\"provisioner-worker\",tenant=\"acme\"}")
			.contains("bridge_worker_spot_calls_seconds_bucket{")
			.contains("bridge_worker_apply_latency_seconds_bucket{application=\"provisioner-worker\",tenant=\"acme\","
					+ "type=\"UserCreated\",le=\"300.0\"}")
			.contains("bridge_worker_spot_calls_seconds_count{application=\"provisioner-worker\","
					+ "route=\"POST /setup/user\",status=\"401\",tenant=\"acme\"} 0")
			.contains("bridge_worker_events_processed_total{application=\"provisioner-worker\","
					+ "outcome=\"dead-lettered\",tenant=\"acme\",type=\"UserDeactivated\"} 0.0")
			.contains("bridge_worker_partitions_paused{")
			.contains("kafka_consumer_fetch_manager_records_lag")
			.doesNotContain(zoe.email())
			.doesNotContain(zoe.id())
			.doesNotContain(token);
		RunningWorker.Answer readiness = worker.management("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"links\"", "\"spot\"");
		assertThat(worker.management("/actuator/health").body()).doesNotContain(token);
	}

	private SpotUserView awaitPolicies(String email, List<String> policies) {
		return await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> spot.userByEmail(token, email), u -> u.isPresent() && u.get().policyIds().equals(policies))
			.get();
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

	static List<ConsumerRecord<String, byte[]>> deadLetters() {
		return EventTopic.readAll(setup.bootstrapServers(), setup.deadLetters());
	}

	static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
