package io.spotbridge.simulator.organization;

import java.util.List;
import java.util.Optional;

/** Fields of a user group to create or change; an empty field is left as it is (or empty, on creation). */
public record UserGroupDraft(Optional<String> name, Optional<String> description, Optional<List<String>> userIds,
        Optional<List<PolicyGrant>> policies) {
}
