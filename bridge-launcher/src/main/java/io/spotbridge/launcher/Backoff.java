package io.spotbridge.launcher;

import java.time.Duration;

/**
 * How long to wait before restarting a component that exited: {@code initial}, doubling after each restart, capped at
 * {@code max}; back to {@code initial} once a run lasted at least {@code stableAfter}. Not thread-safe.
 */
final class Backoff {


    private final Duration initial;
    private final Duration max;
    private final Duration stableAfter;
    private Duration next;

    Backoff(Duration initial, Duration max, Duration stableAfter) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.stableAfter = stableAfter;
        this.next = initial;
    }

    /** What the launcher uses: 1 s, 2 s, 4 s ... up to 30 s; reset after a run of a minute. */
    static Backoff forSupervision() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /**
     * The delay before the next restart of a component whose last run lasted {@code uptime}.
     */
    Duration nextDelay(Duration uptime) {
        if (uptime.compareTo(stableAfter) >= 0) {
            next = initial;
        }
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }
}
