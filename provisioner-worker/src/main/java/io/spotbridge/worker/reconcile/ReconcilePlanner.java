package io.spotbridge.worker.reconcile;

import java.util.Optional;

import io.spotbridge.model.UserEvent;
import io.spotbridge.model.UserSnapshot;
import io.spotbridge.worker.links.UserLink;
import io.spotbridge.worker.tenants.TenantSettings;

/** Decides what an event requires (pure: no I/O). */
public final class ReconcilePlanner {

	private ReconcilePlanner() {
	}

	/**
	 * @throws UnprocessableEventException when the user must exist in Spot but has no email
	 */
	public static ReconcilePlan plan(UserEvent event, Optional<UserLink> link, TenantSettings tenant) {
		if (link.isPresent() && event.version() <= link.get().appliedVersion()) {
			return new ReconcilePlan.Skip(link.get().appliedVersion());
		}
		Optional<String> linked = link.flatMap(UserLink::spotUser);
		if (event.wantsSpotUser()) {
			return new ReconcilePlan.Ensure(desired(event.user(), tenant), linked);
		}
		if (link.isPresent() && linked.isEmpty()) {
			return new ReconcilePlan.RecordOnly();
		}
		return new ReconcilePlan.Remove(linked, email(event.user()));
	}

	static DesiredUser desired(UserSnapshot user, TenantSettings tenant) {
		String email = email(user).orElseThrow(() -> new UnprocessableEventException(
				"user " + user.id() + " has no email: Spot users are identified by their email"));
		NameSanitizer.Names names = NameSanitizer.names(user, email);
		String role = tenant.roles().roleNameFor(user.roleName());
		return new DesiredUser(email, names.firstName(), names.lastName(), role,
				tenant.roles().accessFor(user.roleName()));
	}

	/** The primary email, else the userName when it is an email (as Okta's usually is). */
	static Optional<String> email(UserSnapshot user) {
		return user.primaryEmail()
			.or(() -> Optional.of(user.userName()).filter(name -> name.indexOf('@') > 0))
			.map(String::strip);
	}

}
