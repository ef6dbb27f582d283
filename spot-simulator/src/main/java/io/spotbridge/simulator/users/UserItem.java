package io.spotbridge.simulator.users;

import java.util.List;

import io.spotbridge.simulator.organization.GroupRef;
import io.spotbridge.simulator.organization.ResolvedGrant;
import io.spotbridge.simulator.organization.UserDetails;

/** The item of {@code GET /setup/user/{userId}}; {@code policies} are the user's own grants, not its groups'. */
record UserItem(String userId, String username, String type, String email, boolean mfa, List<GroupRef> groups,
        List<ResolvedGrant> policies, List<Object> tokens) {

    static final String PERSONAL = "personal";

    static UserItem of(UserDetails details) {
        var user = details.user();
        return new UserItem(user.userId(), user.username(), PERSONAL, user.email(), false, details.groups(),
                details.policies(), List.of());
    }

}
