package io.spotbridge.simulator.organization;

import java.util.Map;
import java.util.Optional;

/** Fields of a custom policy to create or change; an empty field is left as it is (or defaulted, on creation). */
public record PolicyDraft(Optional<String> name, Optional<String> description, Optional<PolicyType> type,
        Optional<Map<String, Object>> policyContent) {
}
