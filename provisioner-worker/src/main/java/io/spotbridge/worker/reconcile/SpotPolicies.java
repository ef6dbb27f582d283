package io.spotbridge.worker.reconcile;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.spotbridge.worker.tenants.PolicyGrant;

/** Compares policy mappings as Spot keeps them: order of grants and of account ids does not matter. */
public final class SpotPolicies {

	private SpotPolicies() {
	}

	public static boolean same(List<PolicyGrant> actual, List<PolicyGrant> desired) {
		return normalize(actual).equals(normalize(desired));
	}

	private static Set<Object> normalize(List<PolicyGrant> grants) {
		Set<Object> normalized = new HashSet<>();
		grants.forEach(grant -> normalized.add(List.of(grant.policyId(), Set.copyOf(grant.accountIds()))));
		return normalized;
	}

}
