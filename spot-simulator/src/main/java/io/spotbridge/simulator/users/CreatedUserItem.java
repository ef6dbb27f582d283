package io.spotbridge.simulator.users;

import io.spotbridge.simulator.organization.User;

/** The item {@code POST /setup/user} answers; {@code id} is Spot's deprecated numeric id. */
record CreatedUserItem(int id, String userId, String firstName, String lastName, String displayName, String email,
        long organizationId) {

    static CreatedUserItem of(User user, long organizationId) {
        return new CreatedUserItem(user.id(), user.userId(), user.firstName(), user.lastName(), user.displayName(),
                user.email(), organizationId);
    }

}
