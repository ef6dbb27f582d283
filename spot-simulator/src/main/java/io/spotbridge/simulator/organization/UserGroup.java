package io.spotbridge.simulator.organization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

public record UserGroup(String id, String name, String description, List<String> userIds, List<PolicyGrant> policies,
        Instant createdAt, Instant updatedAt) {

    public UserGroup {
        userIds = List.copyOf(userIds);
        policies = List.copyOf(policies);
    }

    UserGroup with(UserGroupDraft draft, Instant now) {
        return new UserGroup(this.id, draft.name().orElse(this.name), draft.description().orElse(this.description),
                draft.userIds().orElse(this.userIds), draft.policies().orElse(this.policies), this.createdAt, now);
    }

    UserGroup withMember(String userId, boolean member, Instant now) {
        List<String> members = new ArrayList<>(this.userIds);
        members.remove(userId);
        if (member) {
            members.add(userId);
        }
        return (members.equals(this.userIds)) ? this
                : new UserGroup(this.id, this.name, this.description, members, this.policies, this.createdAt, now);
    }

    UserGroup withoutPolicy(String policyId, Instant now) {
        List<PolicyGrant> kept = this.policies.stream().filter((grant) -> !grant.policyId().equals(policyId)).toList();
        return (kept.size() == this.policies.size()) ? this
                : new UserGroup(this.id, this.name, this.description, this.userIds, kept, this.createdAt, now);
    }

}
