package io.spotbridge.worker.reconcile;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.spotbridge.worker.tenants.PolicyGrant;
import io.spotbridge.worker.tenants.SpotAccess;

/**
 * The Spot user an event asks for.
 *
 * @param email     the Spot user's email (its identity in Spot; it cannot change there)
 * @param firstName sanitized
 * @param lastName  sanitized
 * @param roleName  the mapped role the Okta role resolved to (lower case)
 * @param access    the Spot role and policies of that role
 */
public record DesiredUser(String email, String firstName, String lastName, String roleName, SpotAccess access) {

	public DesiredUser {
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(access, "access");
	}

	public List<PolicyGrant> policies() {
		return access.policies();
	}

	public boolean hasEmail(String other) {
		return other != null && email.toLowerCase(Locale.ROOT).equals(other.strip().toLowerCase(Locale.ROOT));
	}

}
