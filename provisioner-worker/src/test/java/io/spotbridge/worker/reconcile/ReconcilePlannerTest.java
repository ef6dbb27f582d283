package io.spotbridge.worker.reconcile;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.spotbridge.model.EventKey;
import io.spotbridge.model.UserEvent;
import io.spotbridge.worker.links.UserLink;
import io.spotbridge.worker.support.Events;
import io.spotbridge.worker.tenants.PolicyGrant;
import io.spotbridge.worker.tenants.RoleMapping;
import io.spotbridge.worker.tenants.SpotToken;
import io.spotbridge.worker.tenants.TenantSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReconcilePlannerTest {

	private static final TenantSettings ACME = new TenantSettings("acme", SpotToken.of("t"),
			URI.create("http://spot"), new RoleMapping(RoleMapping.builtIn("3", "0"), "viewer"), 10);

	@Test
	void anEventNotNewerThanTheAppliedVersionIsSkipped() {
		Events.UserBuilder user = Events.user("acme").version(3);

		assertThat(plan(user.updated(), link(user, "u-1", 3))).isEqualTo(new ReconcilePlan.Skip(3));
		assertThat(plan(user.version(2).updated(), link(user, "u-1", 3))).isEqualTo(new ReconcilePlan.Skip(3));
	}

	@Test
	void aNewActiveUserMustExistWithTheMappedAccess() {
		Events.UserBuilder user = Events.user("acme").role("Editor").names("Ann+", "Lee");

		ReconcilePlan plan = plan(user.created(), Optional.empty());

		assertThat(plan).isInstanceOf(ReconcilePlan.Ensure.class);
		ReconcilePlan.Ensure ensure = (ReconcilePlan.Ensure) plan;
		assertThat(ensure.linkedUserId()).isEmpty();
		assertThat(ensure.desired().email()).isEqualTo(user.email());
		assertThat(ensure.desired().firstName()).isEqualTo("Ann");
		assertThat(ensure.desired().roleName()).isEqualTo("editor");
		assertThat(ensure.desired().access().spotRole()).isEqualTo("editor");
		assertThat(ensure.desired().policies()).containsExactly(PolicyGrant.onAllAccounts("0"));
	}

	@Test
	void aLinkedUserIsEnsuredThroughItsLink() {
		Events.UserBuilder user = Events.user("acme");
		Optional<UserLink> link = link(user, "u-7", 1);

		ReconcilePlan plan = plan(user.next().role("Editor").updated(), link);

		assertThat(((ReconcilePlan.Ensure) plan).linkedUserId()).hasValue("u-7");
	}

	@Test
	void aDeactivatedLinkedUserIsRemovedByItsLink() {
		Events.UserBuilder user = Events.user("acme");
		Optional<UserLink> link = link(user, "u-7", 1);

		assertThat(plan(user.next().deactivated(), link))
			.isEqualTo(new ReconcilePlan.Remove(Optional.of("u-7"), Optional.of(user.email())));
		assertThat(plan(user.next().deleted(), link))
			.isEqualTo(new ReconcilePlan.Remove(Optional.of("u-7"), Optional.of(user.email())));
	}

	@Test
	void aDeactivatedUserWithoutLinkIsRemovedByEmail() {
		Events.UserBuilder user = Events.user("acme").active(false);

		assertThat(plan(user.created(), Optional.empty()))
			.isEqualTo(new ReconcilePlan.Remove(Optional.empty(), Optional.of(user.email())));
	}

	@Test
	void aUserTheLinkKnowsIsGoneOnlyGetsItsVersionRecorded() {
		Events.UserBuilder user = Events.user("acme");
		Optional<UserLink> gone = link(user, "", 2);

		assertThat(plan(user.version(3).deactivated(), gone)).isEqualTo(new ReconcilePlan.RecordOnly());
	}

	@Test
	void reactivationAfterDeletionCreatesAgain() {
		Events.UserBuilder user = Events.user("acme");
		Optional<UserLink> gone = link(user, "", 2);

		ReconcilePlan plan = plan(user.version(3).reactivated(), gone);

		assertThat(plan).isInstanceOf(ReconcilePlan.Ensure.class);
		assertThat(((ReconcilePlan.Ensure) plan).linkedUserId()).isEmpty();
	}

	@Test
	void theUserNameServesAsEmailWhenThereIsNone() {
		Events.UserBuilder user = Events.user("acme").email(null);

		assertThat(plan(user.created(), Optional.empty())).isInstanceOf(ReconcilePlan.Ensure.class);
	}

	@Test
	void aUserWithoutAnyEmailCannotBeProvisioned() {
		Events.UserBuilder user = Events.user("acme").email(null);
		UserEvent event = new io.spotbridge.model.UserCreated("e", "acme", 1, Instant.now(), "",
				new io.spotbridge.model.UserSnapshot(user.id(), "not-an-email", null, "A", "B", null, null, true, null,
						null, Instant.now(), Instant.now()));

		assertThatThrownBy(() -> plan(event, Optional.empty())).isInstanceOf(UnprocessableEventException.class)
			.hasMessageContaining("has no email");
	}

	@Test
	void samePoliciesIgnoreOrder() {
		assertThat(SpotPolicies.same(List.of(new PolicyGrant("3", List.of("a", "b")), PolicyGrant.onAllAccounts("0")),
				List.of(PolicyGrant.onAllAccounts("0"), new PolicyGrant("3", List.of("b", "a")))))
			.isTrue();
		assertThat(SpotPolicies.same(List.of(PolicyGrant.onAllAccounts("3")), List.of(PolicyGrant.onAllAccounts("0"))))
			.isFalse();
		assertThat(SpotPolicies.same(List.of(), List.of(PolicyGrant.onAllAccounts("3")))).isFalse();
	}

	private static ReconcilePlan plan(UserEvent event, Optional<UserLink> link) {
		return ReconcilePlanner.plan(event, link, ACME);
	}

	private static Optional<UserLink> link(Events.UserBuilder user, String spotUserId, long version) {
		return Optional.of(new UserLink(EventKey.parse(user.key()), spotUserId, version, user.email(), Instant.now()));
	}

}
