package io.spotbridge.simulator.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Fixed-window rate limiting: a key's window opens with its first request and lasts {@link #WINDOW}; within it at most
 * {@code limit} requests are allowed. Thread-safe.
 */
public class RateLimiter {

    public static final Duration WINDOW = Duration.ofSeconds(60);

    private final Clock clock;

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Counts a request against the key's window if it still fits. */
    public RateLimitDecision acquire(String key, int limit) {
        Instant now = this.clock.instant();
        Window window = this.windows.compute(key, (k, previous) -> current(previous, now).admit(limit));
        return window.decision(limit, now);
    }

    /** The key's state without counting a request. */
    public RateLimitDecision peek(String key, int limit) {
        Instant now = this.clock.instant();
        return current(this.windows.get(key), now).decision(limit, now);
    }

    public void reset() {
        this.windows.clear();
    }

    private static Window current(Window window, Instant now) {
        return (window == null || !now.isBefore(window.end())) ? new Window(now, 0, true) : window;
    }

    private record Window(Instant start, int used, boolean admittedLast) {

        Instant end() {
            return this.start.plus(WINDOW);
        }

        Window admit(int limit) {
            return (this.used < limit) ? new Window(this.start, this.used + 1, true)
                    : new Window(this.start, this.used, false);
        }

        RateLimitDecision decision(int limit, Instant now) {
            long resetSeconds = (Duration.between(now, end()).toMillis() + 999) / 1000;
            return new RateLimitDecision(this.admittedLast, limit, Math.max(0, limit - this.used), resetSeconds);
        }

    }

}
