package io.spotbridge.worker.tenants;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Okta group name -> the Spot policies the Spot user group of that name gets (for example "Spot Admins" -> the
 * organization admin policy on every account). Names compare ignoring case and surrounding spaces. Groups without an
 * entry keep whatever policies they have in Spot.
 */
public final class GroupPolicies {

	private static final GroupPolicies NONE = new GroupPolicies(Map.of());

	private final Map<String, List<PolicyGrant>> byGroup;

	public GroupPolicies(Map<String, List<PolicyGrant>> byGroup) {
		Map<String, List<PolicyGrant>> normalized = new LinkedHashMap<>();
		byGroup.forEach((group, grants) -> normalized.put(normalize(group), List.copyOf(grants)));
		this.byGroup = Map.copyOf(normalized);
	}

	public static GroupPolicies none() {
		return NONE;
	}

	/** The policies mapped to the group name, if it has an entry. */
	public Optional<List<PolicyGrant>> forGroup(String groupName) {
		return Optional.ofNullable(byGroup.get(normalize(groupName)));
	}

	public boolean isEmpty() {
		return byGroup.isEmpty();
	}

	static String normalize(String group) {
		return group.strip().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return "GroupPolicies" + byGroup;
	}

}
