package io.spotbridge.simulator.ratelimit;

/**
 * The rate-limit state after a request, as the {@code X-RateLimit-*} headers show it.
 * @param allowed whether the request fits in the current window
 * @param limit requests allowed per window
 * @param remaining requests still allowed in the current window
 * @param resetSeconds whole seconds until the window resets (rounded up)
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long resetSeconds) {
}
