package io.spotbridge.worker.spot;

import java.util.List;

import io.spotbridge.worker.tenants.PolicyGrant;

/**
 * A Spot user group as {@code GET /setup/access/userGroup/{id}} shows it.
 *
 * @param id       {@code ugr-...}
 * @param name     its name (unique in the organization, ignoring case)
 * @param userIds  the Spot user ids of its members
 * @param policies the policies mapped to the group
 */
public record SpotGroup(String id, String name, List<String> userIds, List<PolicyGrant> policies) {

	public SpotGroup {
		userIds = List.copyOf(userIds);
		policies = List.copyOf(policies);
	}

}
