package io.spotbridge.simulator.organization;

import java.time.Instant;
import java.util.List;

public record User(int id, String userId, String email, String firstName, String lastName, List<PolicyGrant> policies,
        Instant createdAt) {

    public User {
        policies = List.copyOf(policies);
    }

    public String displayName() {
        return this.firstName + " " + this.lastName;
    }

    /** Spot uses the email as the username of a personal user. */
    public String username() {
        return this.email;
    }

    User withPolicies(List<PolicyGrant> newPolicies) {
        return new User(this.id, this.userId, this.email, this.firstName, this.lastName, newPolicies, this.createdAt);
    }

}
