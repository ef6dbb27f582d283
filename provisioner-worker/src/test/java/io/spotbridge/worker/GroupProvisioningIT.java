package io.spotbridge.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.spotbridge.worker.groups.GroupMembership;
import io.spotbridge.worker.replay.DeadLetterFilter;
import io.spotbridge.worker.replay.ReplaySummary;
import io.spotbridge.worker.replay.Replayer;
import io.spotbridge.worker.support.EventTopic;
import io.spotbridge.worker.support.Events;
import io.spotbridge.worker.support.RunningWorker;
import io.spotbridge.worker.support.SharedInfra;
import io.spotbridge.worker.support.SpotApi;
import io.spotbridge.worker.support.SpotApi.SpotGroupView;
import io.spotbridge.worker.support.WorkerSetup;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Okta Group Push end to end on the worker side: group and user events published to a real broker, one worker, the
 * Spot user groups checked through Spot's own API on the simulator.
 */
class GroupProvisioningIT {

	static final String TENANT = "acme";

	static final String ADMINS = "Spot Admins";

	static WorkerSetup setup;

	static RunningWorker worker;

	static EventTopic users;

	static EventTopic groups;

	static SpotApi spot;

	static String token;

	@BeforeAll
	static void start() {
		setup = WorkerSetup.named("groups").tenant(TENANT);
		token = setup.token(TENANT);
		spot = SharedInfra.spot();
		worker = setup.start("bridge.tenants." + TENANT + ".group-policies[0].group=spot admins",
				"bridge.tenants." + TENANT + ".group-policies[0].policies[0].policy-id=0");
		users = setup.eventTopic();
		groups = setup.groupEventTopic();
	}

	@AfterAll
	static void stop() {
		if (users != null) {
			users.close();
		}
		if (groups != null) {
			groups.close();
		}
		if (worker != null) {
			worker.close();
		}
	}

	@Test
	void aPushedGroupBecomesASpotUserGroupWithItsProvisionedMembers() {
		Events.UserBuilder ada = provisioned();
		Events.UserBuilder bob = provisioned();
		Events.GroupBuilder engineers = Events.group(TENANT).members(ada.id(), bob.id());

		groups.publish(engineers.created());

		SpotGroupView group = awaitMembers(engineers.displayName(), ada, bob);
		assertThat(group.policyIds()).isEmpty();
		assertThat(spot.groups(token).stream().filter(g -> g.name().equals(engineers.displayName()))).hasSize(1);
	}

	@Test
	void membersAddedRemovedAndReplacedFollowTheGroup() {
		Events.UserBuilder ada = provisioned();
		Events.UserBuilder bob = provisioned();
		Events.UserBuilder carol = provisioned();
		Events.UserBuilder dan = provisioned();
		Events.GroupBuilder team = Events.group(TENANT).members(ada.id());
		groups.publish(team.created());
		awaitMembers(team.displayName(), ada);

		groups.publish(team.next().members(bob.id(), carol.id()).updated());
		awaitMembers(team.displayName(), ada, bob, carol);

		groups.publish(team.next().withoutMembers(ada.id()).updated());
		awaitMembers(team.displayName(), bob, carol);

		groups.publish(team.next().replaceMembers(dan.id()).updated());
		awaitMembers(team.displayName(), dan);

		groups.publish(team.next().replaceMembers().updated());
		awaitMembers(team.displayName());
	}

	@Test
	void aMemberPushedBeforeItsUserIsProvisionedJoinsOnceItIs() {
		Events.UserBuilder ada = provisioned();
		Events.UserBuilder late = Events.user(TENANT);
		Events.GroupBuilder early = Events.group(TENANT).members(ada.id(), late.id());
		groups.publish(early.created());
		awaitMembers(early.displayName(), ada);

		users.publish(late.created());

		awaitMembers(early.displayName(), ada, late);
		assertThat(worker.counter(GroupMembership.REFRESHES, "outcome", "changed")).isPositive();
	}

	@Test
	void aDeactivatedUserLeavesItsGroupsAndAReactivatedOneComesBack() {
		Events.UserBuilder ada = provisioned();
		Events.UserBuilder bob = provisioned();
		Events.GroupBuilder team = Events.group(TENANT).members(ada.id(), bob.id());
		groups.publish(team.created());
		awaitMembers(team.displayName(), ada, bob);

		users.publish(ada.next().deactivated());
		await().atMost(Duration.ofSeconds(10)).until(() -> spot.userByEmail(token, ada.email()).isEmpty());
		awaitMembers(team.displayName(), bob);

		users.publish(ada.next().reactivated());
		await().atMost(Duration.ofSeconds(10)).until(() -> spot.userByEmail(token, ada.email()).isPresent());
		awaitMembers(team.displayName(), ada, bob);
	}

	@Test
	void aRenamedGroupKeepsItsSpotGroupAndADeletedOneIsDeleted() {
		Events.UserBuilder ada = provisioned();
		Events.GroupBuilder team = Events.group(TENANT).members(ada.id());
		groups.publish(team.created());
		String id = awaitMembers(team.displayName(), ada).id();
		String oldName = team.displayName();

		groups.publish(team.next().displayName(oldName + " (renamed)").updated());

		SpotGroupView renamed = awaitMembers(oldName + " (renamed)", ada);
		assertThat(renamed.id()).isEqualTo(id);
		assertThat(spot.groupNamed(token, oldName)).isEmpty();

		groups.publish(team.next().deleted());

		await().atMost(Duration.ofSeconds(10)).until(() -> spot.groups(token).stream().noneMatch(g -> g.id().equals(id)));
	}

	@Test
	void aGroupMappedToPoliciesGetsThemAndLosesThemWhenRenamedAway() {
		Events.UserBuilder ada = provisioned();
		Events.GroupBuilder admins = Events.group(TENANT).displayName(ADMINS).members(ada.id());
		groups.publish(admins.created());

		await().atMost(Duration.ofSeconds(10))
			.until(() -> spot.groupNamed(token, ADMINS), g -> g.isPresent() && g.get().policyIds().equals(List.of("0")));

		groups.publish(admins.next().displayName("Former Admins").updated());

		await().atMost(Duration.ofSeconds(10))
			.until(() -> spot.groupNamed(token, "Former Admins"), g -> g.isPresent() && g.get().policyIds().isEmpty());
	}

	@Test
	void redeliveredAndDuplicateGroupEventsLeaveOneSpotGroup() {
		Events.UserBuilder ada = provisioned();
		Events.GroupBuilder team = Events.group(TENANT).members(ada.id());
		var created = team.created();
		groups.publish(created);
		groups.publish(created);
		awaitMembers(team.displayName(), ada);

		groups.publish(created);
		var updated = team.next().updated();
		groups.publish(updated);
		groups.publish(updated);

		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
			.until(() -> spot.groups(token).stream().filter(g -> g.name().equals(team.displayName())).count() == 1);
		awaitMembers(team.displayName(), ada);
	}

	@Test
	void aSpotGroupOfThePushedNameIsAdoptedInsteadOfDuplicated() {
		Events.UserBuilder ada = provisioned();
		Events.GroupBuilder team = Events.group(TENANT).members(ada.id());
		String existing = spot.createGroup(token, team.displayName());

		groups.publish(team.created());

		SpotGroupView group = awaitMembers(team.displayName(), ada);
		assertThat(group.id()).isEqualTo(existing);
	}

	@Test
	void aGroupSpotRefusesIsDeadLetteredWhileOtherGroupsKeepFlowingAndIsReplayedOnceFixed() {
		Events.UserBuilder ada = provisioned();
		String taken = "Taken " + ada.id().substring(0, 8);
		String other = spot.createGroup(token, taken);
		Events.GroupBuilder clash = Events.group(TENANT).members(ada.id());
		groups.publish(clash.created());
		awaitMembers(clash.displayName(), ada);

		groups.publish(clash.next().displayName(taken).updated());
		Events.GroupBuilder flowing = Events.group(TENANT).members(ada.id());
		groups.publish(flowing.created());

		awaitMembers(flowing.displayName(), ada);
		ConsumerRecord<String, byte[]> letter = await().atMost(Duration.ofSeconds(15))
			.until(() -> deadLetterOf(clash.key()), Optional::isPresent)
			.get();
		assertThat(header(letter, "x-original-topic")).isEqualTo(setup.groupEvents());
		assertThat(header(letter, "x-exception-class")).endsWith("PermanentSpotException");
		assertThat(header(letter, "x-attempts")).isEqualTo("1");
		assertThat(header(letter, "x-original-offset")).isNotBlank();
		assertThat(header(letter, "x-first-failure")).isNotBlank();

		// the clash is resolved in Spot, the operator replays the group's dead letter
		spot.deleteGroup(token, other);
		ReplaySummary replay = worker.bean(Replayer.class)
			.replay(new DeadLetterFilter(TENANT, clash.id(), null, null, null), false, 0, "ops");

		assertThat(replay.replayed()).isEqualTo(1);
		awaitMembers(taken, ada);
		assertThat(worker.bean(Replayer.class)
			.replay(new DeadLetterFilter(TENANT, clash.id(), null, null, null), true, 0, "ops")
			.superseded()).isEqualTo(1);
	}

	@Test
	void groupEventsAreCountedBesideUserEvents() {
		Events.GroupBuilder team = Events.group(TENANT);
		groups.publish(team.created());
		awaitMembers(team.displayName());

		await().untilAsserted(() -> assertThat(worker.processed("type", "GroupCreated", "outcome", "applied")).isPositive());
		String metrics = worker.management("/actuator/prometheus").body();
		assertThat(metrics).contains("bridge_worker_events_processed_total{", "type=\"GroupCreated\"",
				"bridge_worker_group_links_size");
		assertThat(metrics).doesNotContain(team.id()).doesNotContain(team.displayName());
	}

	private static Events.UserBuilder provisioned() {
		Events.UserBuilder user = Events.user(TENANT);
		users.publish(user.created());
		await().atMost(Duration.ofSeconds(10)).until(() -> spot.userByEmail(token, user.email()).isPresent());
		return user;
	}

	/** Waits until the Spot group of that name has exactly the Spot users of these users as members. */
	private static SpotGroupView awaitMembers(String name, Events.UserBuilder... members) {
		String[] emails = java.util.Arrays.stream(members).map(Events.UserBuilder::email).toArray(String[]::new);
		return await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> spot.groupNamed(token, name), group -> group.isPresent() && members.length == group.get()
				.userIds()
				.size() && group.get().userIds().equals(Set.copyOf(spot.userIdsOf(token, emails))))
			.get();
	}

	private static Optional<ConsumerRecord<String, byte[]>> deadLetterOf(String key) {
		return EventTopic.readAll(setup.bootstrapServers(), setup.groupDeadLetters())
			.stream()
			.filter(record -> key.equals(record.key()))
			.findFirst();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
