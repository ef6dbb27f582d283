package io.spotbridge.simulator.policies;

import java.util.Map;

import io.spotbridge.simulator.organization.Policy;
import io.spotbridge.simulator.organization.PolicyType;

record PolicyItem(String id, String name, String description, PolicyType type, Map<String, Object> policyContent,
        String createdAt, String updatedAt) {

    static PolicyItem of(Policy policy) {
        return new PolicyItem(policy.id(), policy.name(), policy.description(), policy.type(), policy.policyContent(),
                policy.createdAt().toString(), policy.updatedAt().toString());
    }

}
