package io.spotbridge.simulator.stats;

import java.util.Map;

/**
 * @param requests counts by route ({@code "POST /setup/user"}) and then by status code ({@code "200"})
 * @param total the sum of all counts
 */
public record StatsSnapshot(Map<String, Map<String, Long>> requests, long total) {
}
