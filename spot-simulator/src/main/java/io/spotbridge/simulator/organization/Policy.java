package io.spotbridge.simulator.organization;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

public record Policy(String id, String name, String description, PolicyType type, Map<String, Object> policyContent,
        Instant createdAt, Instant updatedAt, boolean builtIn) {

    public Policy {
        policyContent = Collections.unmodifiableMap(new LinkedHashMap<>(policyContent));
    }

}
