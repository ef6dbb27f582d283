package io.spotbridge.worker.tenants;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Okta role name -> Spot access for one tenant. Role names compare ignoring case; a missing or unknown role gets the
 * tenant's default role, so a user Okta sends without a (known) role still gets the least access.
 */
public final class RoleMapping {

	public static final String VIEWER = "viewer";

	public static final String EDITOR = "editor";

	private final Map<String, SpotAccess> roles;

	private final String defaultRole;

	public RoleMapping(Map<String, SpotAccess> roles, String defaultRole) {
		Map<String, SpotAccess> normalized = new LinkedHashMap<>();
		roles.forEach((name, access) -> normalized.put(normalize(name), access));
		String defaultName = normalize(defaultRole);
		if (!normalized.containsKey(defaultName)) {
			throw new IllegalArgumentException(
					"the default role '" + defaultRole + "' is not one of the mapped roles " + normalized.keySet());
		}
		this.roles = Map.copyOf(normalized);
		this.defaultRole = defaultName;
	}

	/**
	 * The built-in mapping: Viewer -> {@code role: viewer} + the account viewer policy on every account; Editor ->
	 * {@code role: editor} + the organization admin policy on every account.
	 */
	public static Map<String, SpotAccess> builtIn(String accountViewerPolicyId, String organizationAdminPolicyId) {
		Map<String, SpotAccess> roles = new LinkedHashMap<>();
		roles.put(VIEWER, new SpotAccess(VIEWER, java.util.List.of(PolicyGrant.onAllAccounts(accountViewerPolicyId))));
		roles.put(EDITOR, new SpotAccess(EDITOR, java.util.List.of(PolicyGrant.onAllAccounts(organizationAdminPolicyId))));
		return roles;
	}

	/** The access for the given Okta role; the default role's when it is missing or not mapped. */
	public SpotAccess accessFor(Optional<String> role) {
		return roles.get(roleNameFor(role));
	}

	/** The mapped role name (lower case) the given Okta role resolves to. */
	public String roleNameFor(Optional<String> role) {
		return role.map(RoleMapping::normalize).filter(roles::containsKey).orElse(defaultRole);
	}

	public String defaultRole() {
		return defaultRole;
	}

	public Map<String, SpotAccess> roles() {
		return roles;
	}

	static String normalize(String role) {
		return role.trim().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return "RoleMapping" + roles + " default=" + defaultRole;
	}

}
