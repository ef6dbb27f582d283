package io.spotbridge.simulator.organization;

/** A personal user to create; fields are validated by the organization, so any of them may be null here. */
public record NewUser(String email, String firstName, String lastName) {
}
