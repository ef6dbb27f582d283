package io.spotbridge.simulator.groups;

import java.util.List;

import io.spotbridge.simulator.organization.GroupDetails;
import io.spotbridge.simulator.organization.ResolvedGrant;

/** A user group as Spot shows it, with its members both as ids and as {@code users}. */
record UserGroupItem(String id, String name, String description, String createdAt, String updatedAt, int usersCount,
        List<String> userIds, List<Member> users, List<ResolvedGrant> policies, List<String> policyNames) {

    record Member(String userId, String userName, String type) {
    }

    static UserGroupItem of(GroupDetails details) {
        var group = details.group();
        List<Member> members = details.members()
            .stream()
            .map((user) -> new Member(user.userId(), user.username(), "personal"))
            .toList();
        return new UserGroupItem(group.id(), group.name(), group.description(), group.createdAt().toString(),
                group.updatedAt().toString(), members.size(), members.stream().map(Member::userId).toList(), members,
                details.policies(), details.policies().stream().map(ResolvedGrant::policyName).toList());
    }

}
