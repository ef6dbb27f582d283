package io.spotbridge.worker.tenants;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tenants the worker acts for in Spot.
 *
 * @param spotToken  single-tenant shortcut: the Spot token (env {@code SPOT_TOKEN}); it makes tenant {@code default},
 *                   the same tenant the ingress authenticates that token as
 * @param spotApiUrl the Spot base URL of the shortcut tenant (env {@code SPOT_API_URL})
 * @param defaults   what every tenant has unless it says otherwise
 * @param tenants    tenant name -> its settings
 */
@ConfigurationProperties("bridge")
public record TenantsProperties(@DefaultValue("") String spotToken,
		@DefaultValue(TenantsProperties.SPOT_API) String spotApiUrl, @DefaultValue Defaults defaults,
		Map<String, Tenant> tenants) {

	public static final String SPOT_API = "https://api.spotinst.io";

	public TenantsProperties {
		tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
	}

	@Override
	public String toString() {
		return "TenantsProperties[spotToken=" + (spotToken.isBlank() ? "" : "****") + ", spotApiUrl=" + spotApiUrl
				+ ", defaults=" + defaults + ", tenants=" + tenants + "]";
	}

	/**
	 * @param apiUrl                    Spot's base URL
	 * @param defaultRole               the role of users Okta sends without a known role
	 * @param callsPerSecond            Spot calls per second per tenant (resilience4j rate limiter)
	 * @param accountViewerPolicyId     the policy of the built-in Viewer role (Spot's "Account Viewer" is "3")
	 * @param organizationAdminPolicyId the policy of the built-in Editor role; Spot does not publish the organization
	 *                                  admin policy id, so set it for production
	 * @param roles                     extra or replaced role mappings, by role name (case-insensitive)
	 * @param groupPolicies             Okta group name -> policies of the Spot user group of that name
	 */
	public record Defaults(@DefaultValue(SPOT_API) String apiUrl, @DefaultValue("viewer") String defaultRole,
			@DefaultValue("20") double callsPerSecond, @DefaultValue("3") String accountViewerPolicyId,
			@DefaultValue("0") String organizationAdminPolicyId, Map<String, Role> roles,
			List<GroupPolicy> groupPolicies) {

		public Defaults {
			roles = roles == null ? Map.of() : Map.copyOf(roles);
			groupPolicies = groupPolicies == null ? List.of() : List.copyOf(groupPolicies);
		}

	}

	/**
	 * One tenant; unset fields take the {@link Defaults}. Give the token either inline ({@code token}, typically
	 * {@code ${ACME_SPOT_TOKEN}}) or as a file ({@code token-file}, for mounted secrets).
	 */
	public record Tenant(String token, Path tokenFile, String apiUrl, String defaultRole, Double callsPerSecond,
			String accountViewerPolicyId, String organizationAdminPolicyId, Map<String, Role> roles,
			List<GroupPolicy> groupPolicies) {

		public Tenant {
			roles = roles == null ? Map.of() : Map.copyOf(roles);
			groupPolicies = groupPolicies == null ? List.of() : List.copyOf(groupPolicies);
		}

		@Override
		public String toString() {
			return "Tenant[token=" + (token == null ? "none" : "****") + ", tokenFile=" + tokenFile + ", apiUrl="
					+ apiUrl + ", defaultRole=" + defaultRole + ", callsPerSecond=" + callsPerSecond + ", roles="
					+ roles + ", groupPolicies=" + groupPolicies + "]";
		}

	}

	/** @param spotRole the {@code role} sent at creation; @param policies the policies mapped to the user */
	public record Role(@DefaultValue("viewer") String spotRole, List<Grant> policies) {

		public Role {
			policies = policies == null ? List.of() : List.copyOf(policies);
		}

	}

	/**
	 * The policies of the Spot user group pushed from one Okta group.
	 * @param group    the Okta group's name (case-insensitive)
	 * @param policies the policies the Spot user group of that name gets
	 */
	public record GroupPolicy(String group, List<Grant> policies) {

		public GroupPolicy {
			policies = policies == null ? List.of() : List.copyOf(policies);
		}

	}

	/** @param accountIds the accounts, {@code *} (the default) for all of them */
	public record Grant(String policyId, List<String> accountIds) {
	}

}
