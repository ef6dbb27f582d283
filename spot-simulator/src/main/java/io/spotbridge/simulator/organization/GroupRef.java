package io.spotbridge.simulator.organization;

import java.util.List;

/** A group as listed in a user's details. */
public record GroupRef(String id, String name, List<String> policyNames) {
}
