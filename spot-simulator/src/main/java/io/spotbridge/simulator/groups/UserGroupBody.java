package io.spotbridge.simulator.groups;

import java.util.List;
import java.util.Optional;

import io.spotbridge.simulator.organization.UserGroupDraft;
import io.spotbridge.simulator.policies.PolicyMappingBody;
import io.spotbridge.simulator.policies.PolicyMappingBody.Grant;

/**
 * A user group as {@code POST|PUT /setup/access/userGroup} take it: inside {@code {"userGroup":{...}}} (Spot's docs)
 * or bare (what the Go SDK sends). Missing fields are left unchanged.
 */
record UserGroupBody(String name, String description, List<String> userIds, List<Grant> policies) {

    UserGroupDraft draft() {
        return new UserGroupDraft(Optional.ofNullable(this.name), Optional.ofNullable(this.description),
                Optional.ofNullable(this.userIds), PolicyMappingBody.grantsOf(this.policies));
    }

}
