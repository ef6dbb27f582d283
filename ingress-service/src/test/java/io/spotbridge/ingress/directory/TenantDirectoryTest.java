package io.spotbridge.ingress.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.spotbridge.model.GroupCreated;
import io.spotbridge.model.GroupDeleted;
import io.spotbridge.model.GroupMember;
import io.spotbridge.model.GroupSnapshot;
import io.spotbridge.model.GroupUpdated;
import io.spotbridge.model.UserCreated;
import io.spotbridge.model.UserDeactivated;
import io.spotbridge.model.UserDeleted;
import io.spotbridge.model.UserSnapshot;
import io.spotbridge.model.UserUpdated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantDirectoryTest {

	static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	final TenantDirectory directory = new TenantDirectory();

	static UserSnapshot user(String id, String userName, String externalId) {
		return new UserSnapshot(id, userName, externalId, null, null, null, null, true, null, null, T0, T0);
	}

	static GroupSnapshot group(String id, String displayName, String... memberIds) {
		return new GroupSnapshot(id, displayName, null,
				List.of(memberIds).stream().map(m -> new GroupMember(m, null)).toList(), T0, T0);
	}

	static UserCreated created(long version, UserSnapshot user) {
		return new UserCreated(UUID.randomUUID().toString(), "acme", version, T0, null, user);
	}

	static UserUpdated updated(long version, UserSnapshot user) {
		return new UserUpdated(UUID.randomUUID().toString(), "acme", version, T0, null, user);
	}

	static UserDeleted deleted(long version, UserSnapshot user) {
		return new UserDeleted(UUID.randomUUID().toString(), "acme", version, T0, null, user);
	}

	static GroupCreated created(long version, GroupSnapshot group) {
		return new GroupCreated(UUID.randomUUID().toString(), "acme", version, T0, null, group);
	}

	static GroupUpdated updated(long version, GroupSnapshot group) {
		return new GroupUpdated(UUID.randomUUID().toString(), "acme", version, T0, null, group);
	}

	static GroupDeleted deleted(long version, GroupSnapshot group) {
		return new GroupDeleted(UUID.randomUUID().toString(), "acme", version, T0, null, group);
	}

	@Test
	void aNewerVersionReplacesTheUser() {
		directory.apply(created(1, user("u1", "ada", null)));

		boolean applied = directory.apply(updated(2, user("u1", "ada.lovelace", null)));

		assertThat(applied).isTrue();
		assertThat(directory.user("u1")).hasValueSatisfying(entry -> {
			assertThat(entry.user().userName()).isEqualTo("ada.lovelace");
			assertThat(entry.version()).isEqualTo(2);
		});
		assertThat(directory.versionOf("u1")).isEqualTo(2);
	}

	@Test
	void anOlderOrEqualVersionIsANoOp() {
		directory.apply(created(1, user("u1", "ada", null)));
		directory.apply(updated(3, user("u1", "ada-v3", null)));

		assertThat(directory.apply(updated(2, user("u1", "ada-v2", null)))).isFalse();
		assertThat(directory.apply(updated(3, user("u1", "ada-v3-duplicate", null)))).isFalse();

		assertThat(directory.user("u1").orElseThrow().user().userName()).isEqualTo("ada-v3");
		assertThat(directory.userByUserName("ada-v2")).isEmpty();
		assertThat(directory.userByUserName("ada-v3-duplicate")).isEmpty();
	}

	@Test
	void versionsMayArriveOutOfOrderAndTheHighestWins() {
		directory.apply(updated(3, user("u1", "third", null)));
		directory.apply(created(1, user("u1", "first", null)));
		directory.apply(updated(2, user("u1", "second", null)));

		assertThat(directory.user("u1").orElseThrow().user().userName()).isEqualTo("third");
		assertThat(directory.userByUserName("first")).isEmpty();
		assertThat(directory.userCount()).isEqualTo(1);
	}

	@Test
	void aDeletionRemovesTheUserAndItsIndexEntries() {
		directory.apply(created(1, user("u1", "ada", "00uAda")));

		assertThat(directory.apply(deleted(2, user("u1", "ada", "00uAda")))).isTrue();

		assertThat(directory.user("u1")).isEmpty();
		assertThat(directory.userByUserName("ada")).isEmpty();
		assertThat(directory.userByExternalId("00uAda")).isEmpty();
		assertThat(directory.users()).isEmpty();
		assertThat(directory.versionOf("u1")).isEqualTo(2);
	}

	@Test
	void anOlderUpdateArrivingAfterTheDeletionDoesNotResurrectTheUser() {
		directory.apply(created(1, user("u1", "ada", null)));
		directory.apply(deleted(3, user("u1", "ada", null)));

		assertThat(directory.apply(updated(2, user("u1", "ada", null)))).isFalse();

		assertThat(directory.user("u1")).isEmpty();
		assertThat(directory.userByUserName("ada")).isEmpty();
	}

	@Test
	void theUserNameIndexIgnoresCase() {
		directory.apply(created(1, user("u1", "Ada.Lovelace@Example.com", null)));

		assertThat(directory.userByUserName("ada.lovelace@example.com")).map(UserEntry::id).contains("u1");
		assertThat(directory.userByUserName("ADA.LOVELACE@EXAMPLE.COM")).map(UserEntry::id).contains("u1");
		assertThat(directory.userByUserName("Ada.Lovelace@Example.com").orElseThrow().user().userName())
			.isEqualTo("Ada.Lovelace@Example.com");
	}

	@Test
	void theUserNameIndexFollowsRenames() {
		directory.apply(created(1, user("u1", "ada", null)));
		directory.apply(updated(2, user("u1", "Countess", null)));

		assertThat(directory.userByUserName("ada")).isEmpty();
		assertThat(directory.userByUserName("countess")).map(UserEntry::id).contains("u1");
	}

	@Test
	void aNameFreedByARenameCanBeTakenByAnotherUser() {
		directory.apply(created(1, user("u1", "ada", null)));
		directory.apply(updated(2, user("u1", "countess", null)));
		directory.apply(created(1, user("u2", "ADA", null)));

		assertThat(directory.userByUserName("ada")).map(UserEntry::id).contains("u2");
		assertThat(directory.userByUserName("countess")).map(UserEntry::id).contains("u1");
	}

	@Test
	void aStaleStateReplayedAfterTheNewHolderOfANameDoesNotLoseTheNewHolder() {
		// u1 was "ada", then renamed; later u2 was created as "ada". Rebuilding from the topics, partitions interleave:
		directory.apply(created(1, user("u2", "ada", null)));
		directory.apply(created(1, user("u1", "Ada", null)));
		directory.apply(updated(2, user("u1", "countess", null)));

		assertThat(directory.userByUserName("ada")).map(UserEntry::id).contains("u2");
		assertThat(directory.userByUserName("countess")).map(UserEntry::id).contains("u1");
	}

	@Test
	void aStaleStateReplayedAfterTheNewHolderOfADeletedNameDoesNotLoseTheNewHolder() {
		directory.apply(created(1, user("u2", "ada", "00uNew")));
		directory.apply(created(1, user("u1", "ada", "00uNew")));
		directory.apply(deleted(2, user("u1", "ada", "00uNew")));

		assertThat(directory.userByUserName("ada")).map(UserEntry::id).contains("u2");
		assertThat(directory.userByExternalId("00uNew")).map(UserEntry::id).contains("u2");
	}

	@Test
	void aStaleGroupStateReplayedAfterTheNewHolderOfADisplayNameDoesNotLoseTheNewHolder() {
		directory.apply(created(1, group("g2", "Editors")));
		directory.apply(created(1, group("g1", "Editors")));
		directory.apply(updated(2, group("g1", "Former editors")));

		assertThat(directory.groupByDisplayName("editors")).map(GroupEntry::id).contains("g2");
	}

	@Test
	void theExternalIdIndexRespectsCaseAndFollowsChanges() {
		directory.apply(created(1, user("u1", "ada", "00uAda")));

		assertThat(directory.userByExternalId("00uAda")).map(UserEntry::id).contains("u1");
		assertThat(directory.userByExternalId("00uada")).isEmpty();

		directory.apply(updated(2, user("u1", "ada", "00uNew")));
		assertThat(directory.userByExternalId("00uAda")).isEmpty();
		assertThat(directory.userByExternalId("00uNew")).map(UserEntry::id).contains("u1");

		directory.apply(updated(3, user("u1", "ada", null)));
		assertThat(directory.userByExternalId("00uNew")).isEmpty();
	}

	@Test
	void deactivationIsAnUpdateLikeAnyOther() {
		directory.apply(created(1, user("u1", "ada", null)));

		directory.apply(new UserDeactivated("e2", "acme", 2, T0, null, user("u1", "ada", null).withActive(false, T0)));

		assertThat(directory.user("u1").orElseThrow().user().active()).isFalse();
		assertThat(directory.userByUserName("ada")).isPresent();
	}

	@Test
	void usersAreListedInIdOrder() {
		directory.apply(created(1, user("u3", "c", null)));
		directory.apply(created(1, user("u1", "a", null)));
		directory.apply(created(1, user("u2", "b", null)));

		assertThat(directory.users()).extracting(UserEntry::id).containsExactly("u1", "u2", "u3");
	}

	@Test
	void theGroupDisplayNameIndexIgnoresCaseAndFollowsRenames() {
		directory.apply(created(1, group("g1", "Editors", "u1")));

		assertThat(directory.groupByDisplayName("EDITORS")).map(GroupEntry::id).contains("g1");

		directory.apply(updated(2, group("g1", "Viewers", "u1")));

		assertThat(directory.groupByDisplayName("editors")).isEmpty();
		assertThat(directory.groupByDisplayName("viewers")).map(GroupEntry::id).contains("g1");
	}

	@Test
	void anOlderGroupVersionIsANoOp() {
		directory.apply(created(1, group("g1", "Editors")));
		directory.apply(updated(3, group("g1", "Editors", "u1", "u2")));

		assertThat(directory.apply(updated(2, group("g1", "Editors", "u1")))).isFalse();

		assertThat(directory.group("g1").orElseThrow().group().members()).extracting(GroupMember::value)
			.containsExactly("u1", "u2");
	}

	@Test
	void aDeletedGroupIsNotResurrectedByAnOlderUpdate() {
		directory.apply(created(1, group("g1", "Editors")));
		directory.apply(deleted(3, group("g1", "Editors")));

		assertThat(directory.apply(updated(2, group("g1", "Editors")))).isFalse();

		assertThat(directory.group("g1")).isEmpty();
		assertThat(directory.groupByDisplayName("editors")).isEmpty();
		assertThat(directory.groupCount()).isZero();
		assertThat(directory.versionOf("g1")).isEqualTo(3);
	}

	@Test
	void aResourceNeverSeenHasVersionZero() {
		assertThat(directory.versionOf("nobody")).isZero();
	}

	@Test
	void theDirectoryRoutesEventsToTheirTenant() {
		Directory all = new Directory(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

		all.apply(created(1, user("u1", "ada", null)));
		all.apply(new UserCreated("e", "globex", 1, T0, null, user("u9", "ada", null)));

		assertThat(all.tenantNames()).containsExactlyInAnyOrder("acme", "globex");
		assertThat(all.tenant("acme").userByUserName("ada")).map(UserEntry::id).contains("u1");
		assertThat(all.tenant("globex").userByUserName("ada")).map(UserEntry::id).contains("u9");
	}

}
