package io.spotbridge.worker.spot;

import java.util.List;

import io.spotbridge.worker.tenants.PolicyGrant;

/** A Spot user as {@code GET /setup/user/{userId}} shows it: its id, email and own policy grants. */
public record SpotUser(String userId, String email, List<PolicyGrant> policies) {

	public SpotUser {
		policies = List.copyOf(policies);
	}

}
