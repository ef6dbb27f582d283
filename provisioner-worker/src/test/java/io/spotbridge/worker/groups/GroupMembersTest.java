package io.spotbridge.worker.groups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spotbridge.model.EventKey;
import io.spotbridge.worker.links.LinkStore;
import io.spotbridge.simulator.SpotSimulator;
import io.spotbridge.worker.links.UserLink;
import io.spotbridge.worker.spot.NewSpotUser;
import io.spotbridge.worker.spot.Passwords;
import io.spotbridge.worker.spot.SpotClient;
import io.spotbridge.worker.spot.SpotClients;
import io.spotbridge.worker.spot.SpotProperties;
import io.spotbridge.worker.system.TopicProperties;
import io.spotbridge.worker.tenants.Tenants;
import io.spotbridge.worker.tenants.TenantsProperties;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The desired members of a group, how they are set in Spot, and the partition of a group key. */
class GroupMembersTest {

	static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	final LinkStore links = new LinkStore(null, new TopicProperties("u", "g", "ul", "gl", 3, (short) 1, Duration.ZERO),
			new SimpleMeterRegistry());

	final GroupMembers members = new GroupMembers(links);

	@Test
	void theDesiredMembersAreTheSpotUsersOfTheMembersThatHaveOne() {
		links.apply(user("ada", "u-2", 1));
		links.apply(user("bob", "u-1", 1));
		links.apply(user("gone", "", 3));

		assertThat(members.desired("acme", List.of("ada", "bob", "gone", "never-provisioned", "ada")))
			.containsExactly("u-1", "u-2");
		assertThat(members.desired("other", List.of("ada"))).isEmpty();
	}

	@Test
	void aMemberWhoseSpotUserWasJustDeletedIsLeftOutInsteadOfFailingTheGroup() {
		SpotSimulator simulator = SpotSimulator.start(0);
		try {
			SpotClient spot = clients(simulator.baseUrl()).forTenant("acme").orElseThrow();
			String ada = spot.createUser(new NewSpotUser("ada@example.com", "Ada", "L", Passwords.generate(), "viewer"))
				.block();
			String bob = spot.createUser(new NewSpotUser("bob@example.com", "Bob", "L", Passwords.generate(), "viewer"))
				.block();
			String groupId = spot.createGroup("Team", "").block();
			links.apply(user("ada", ada, 1));
			links.apply(user("bob", bob, 1));
			spot.deleteUser(bob).block(); // deactivated concurrently: its link still names the Spot user

			boolean changed = members.sync(spot, spot.getGroup(groupId).block(), List.of("ada", "bob")).block();

			assertThat(changed).isTrue();
			assertThat(spot.getGroup(groupId).block().userIds()).containsExactly(ada);
			assertThat(members.sync(spot, spot.getGroup(groupId).block(), List.of("ada")).block()).isFalse();
		}
		finally {
			simulator.close();
		}
	}

	@Test
	void groupsArePartitionedAsTheProducersDefaultPartitionerDoes() {
		for (String id : List.of("g1", "a-much-longer-group-id-0193", "01a222cf-b7e6-7819-ba02-22a387eefb97")) {
			byte[] bytes = key(id).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(GroupMembership.partitionOf(key(id), 6)).isEqualTo(BuiltInPartitioner.partitionForKey(bytes, 6));
		}
	}

	private static SpotClients clients(String url) {
		Map<String, String> properties = Map.of("bridge.tenants.acme.token", "acme-token", "bridge.tenants.acme.api-url",
				url);
		TenantsProperties tenants = new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("bridge",
				Bindable.of(TenantsProperties.class));
		SpotProperties spot = new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("bridge.spot",
				Bindable.of(SpotProperties.class));
		return new SpotClients(new Tenants(tenants), spot, new SimpleMeterRegistry(), Clock.systemUTC());
	}

	static EventKey key(String id) {
		return new EventKey("acme", id);
	}

	static UserLink user(String id, String spotUserId, long version) {
		return new UserLink(key(id), spotUserId, version, id + "@example.com", NOW);
	}

}
