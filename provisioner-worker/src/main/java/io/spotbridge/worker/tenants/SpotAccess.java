package io.spotbridge.worker.tenants;

import java.util.List;
import java.util.Objects;

/**
 * What an Okta role means in Spot: the {@code role} sent when the user is created and the policies mapped to it.
 *
 * @param spotRole the {@code role} field of {@code POST /setup/user} ({@code viewer}, {@code editor}, ...)
 * @param policies the user's complete policy mapping (replace-all)
 */
public record SpotAccess(String spotRole, List<PolicyGrant> policies) {

	public SpotAccess {
		Objects.requireNonNull(spotRole, "spotRole");
		policies = policies == null ? List.of() : List.copyOf(policies);
	}

}
