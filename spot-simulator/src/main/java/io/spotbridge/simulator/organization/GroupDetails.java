package io.spotbridge.simulator.organization;

import java.util.List;

public record GroupDetails(UserGroup group, List<User> members, List<ResolvedGrant> policies) {
}
