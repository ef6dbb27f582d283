package io.spotbridge.simulator.organization;

import java.util.List;

/** A policy grant with the policy's name and type, as Spot shows it in a user or group. */
public record ResolvedGrant(String policyId, String policyName, PolicyType policyType, List<String> accountIds) {
}
