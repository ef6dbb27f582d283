package io.spotbridge.simulator.users;

import java.util.List;

import io.spotbridge.simulator.organization.UserSummary;

/** An item of {@code GET /setup/organization/user}: no names, role or policies, as in Spot. */
record UserListItem(String userId, String username, String type, String email, boolean mfa, List<String> groupNames) {

    static UserListItem of(UserSummary summary) {
        var user = summary.user();
        return new UserListItem(user.userId(), user.username(), UserItem.PERSONAL, user.email(), false,
                summary.groupNames());
    }

}
