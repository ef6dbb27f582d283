package io.spotbridge.worker.spot;

/** An entry of {@code GET /setup/organization/user}: no names, role or policies, as in Spot. */
public record OrgUser(String userId, String email, String type) {
}
