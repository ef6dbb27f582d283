package io.spotbridge.worker.replay;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Replay of dead letters.
 *
 * @param maxReplays           a dead letter already replayed this many times is parked, not re-published again
 * @param defaultRatePerSecond re-publications per second when the request names no rate
 * @param metricsRefresh       how often the dead-letter depth and age gauges are recomputed (0: only on request)
 */
@ConfigurationProperties("bridge.replay")
public record ReplayProperties(@DefaultValue("3") int maxReplays, @DefaultValue("10") double defaultRatePerSecond,
		@DefaultValue("60s") Duration metricsRefresh) {
}
