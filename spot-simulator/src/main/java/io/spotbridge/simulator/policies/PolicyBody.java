package io.spotbridge.simulator.policies;

import java.util.Map;
import java.util.Optional;

import io.spotbridge.simulator.organization.PolicyDraft;
import io.spotbridge.simulator.organization.PolicyType;

/** A policy as {@code POST|PUT /setup/access/policy} take it, inside {@code {"policy":{...}}} or bare. */
record PolicyBody(String name, String description, PolicyType type, Map<String, Object> policyContent) {

    PolicyDraft draft() {
        return new PolicyDraft(Optional.ofNullable(this.name), Optional.ofNullable(this.description),
                Optional.ofNullable(this.type), Optional.ofNullable(this.policyContent));
    }

}
