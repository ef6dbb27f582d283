package io.spotbridge.worker.groups;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How group memberships are kept current between group events.
 *
 * @param resyncInterval  how often every group this replica consumes is checked against Spot (membership drift, a
 *                        refresh lost in a crash); {@code 0} turns the periodic check off (groups are still checked
 *                        when their partitions are assigned)
 * @param refreshAttempts attempts of one membership refresh before it is left to the next check
 * @param assignmentCheck how often newly assigned group partitions are looked for
 */
@ConfigurationProperties("bridge.groups")
public record GroupProperties(@DefaultValue("10m") Duration resyncInterval, @DefaultValue("8") int refreshAttempts,
		@DefaultValue("2s") Duration assignmentCheck) {
}
