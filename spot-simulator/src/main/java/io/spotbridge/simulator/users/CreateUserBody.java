package io.spotbridge.simulator.users;

import io.spotbridge.simulator.organization.NewUser;

/** The body of {@code POST /setup/user}; {@code password} and {@code role} are accepted and not kept. */
record CreateUserBody(String email, String firstName, String lastName, String password, String role) {

    NewUser newUser() {
        return new NewUser(this.email, this.firstName, this.lastName);
    }

}
