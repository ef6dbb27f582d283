package io.spotbridge.simulator.organization;

import java.util.List;

public record UserDetails(User user, List<GroupRef> groups, List<ResolvedGrant> policies) {
}
