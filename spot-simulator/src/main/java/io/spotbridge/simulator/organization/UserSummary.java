package io.spotbridge.simulator.organization;

import java.util.List;

public record UserSummary(User user, List<String> groupNames) {
}
