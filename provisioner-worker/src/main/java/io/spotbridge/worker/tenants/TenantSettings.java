package io.spotbridge.worker.tenants;

import java.net.URI;
import java.util.Objects;

/**
 * Everything the worker needs to act for one tenant in Spot. The token's {@code toString} is redacted, so this
 * record's is safe to log.
 *
 * @param name           the tenant name, as in the event keys ({@code <tenant>/<id>})
 * @param token          the Spot API token of the tenant's organization admin
 * @param apiUrl         Spot's base URL (https://api.spotinst.io in production)
 * @param roles          Okta role -> Spot access
 * @param callsPerSecond the most Spot calls per second the worker makes for this tenant
 * @param groupPolicies  Okta group name -> the policies of the Spot user group of that name
 */
public record TenantSettings(String name, SpotToken token, URI apiUrl, RoleMapping roles, double callsPerSecond,
		GroupPolicies groupPolicies) {

	/** A tenant without group policy mappings. */
	public TenantSettings(String name, SpotToken token, URI apiUrl, RoleMapping roles, double callsPerSecond) {
		this(name, token, apiUrl, roles, callsPerSecond, GroupPolicies.none());
	}

	public TenantSettings {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(apiUrl, "apiUrl");
		Objects.requireNonNull(roles, "roles");
		groupPolicies = groupPolicies == null ? GroupPolicies.none() : groupPolicies;
		if (callsPerSecond <= 0) {
			throw new IllegalArgumentException("tenant '" + name + "': calls-per-second must be positive");
		}
	}

}
