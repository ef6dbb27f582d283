package io.spotbridge.simulator.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The faults injected into Spot requests (never into {@code /simulator/**}).
 * @param errorRate fraction of requests, 0..1, failing with {@code errorStatus}
 * @param errorStatus the HTTP status of those failures
 * @param latency delay added to every request, failed or not
 * @param outageUntil every request before this instant fails with 503
 * @param rateLimitPerMinute requests allowed per organization, route and method in each 60-second window
 * @param rejectEmailsMatching creating a user whose email contains a match fails with 400
 * @param revokedTokens tokens answered with 401
 */
public record Faults(double errorRate, int errorStatus, Duration latency, Instant outageUntil, int rateLimitPerMinute,
        Optional<Pattern> rejectEmailsMatching, Set<String> revokedTokens) {

    public static final int DEFAULT_ERROR_STATUS = 503;

    public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 100_000;

    public Faults {
        revokedTokens = Set.copyOf(revokedTokens);
    }

    public static Faults none() {
        return new Faults(0, DEFAULT_ERROR_STATUS, Duration.ZERO, Instant.EPOCH, DEFAULT_RATE_LIMIT_PER_MINUTE,
                Optional.empty(), Set.of());
    }

    public boolean outageAt(Instant now) {
        return now.isBefore(this.outageUntil);
    }

    public boolean isRevoked(String token) {
        return this.revokedTokens.contains(token);
    }

    public boolean rejectsEmail(String email) {
        return this.rejectEmailsMatching.map((pattern) -> pattern.matcher(email).find()).orElse(false);
    }

    /** Draws whether the next request fails, with probability {@link #errorRate()}. */
    public boolean drawFailure() {
        return this.errorRate > 0 && ThreadLocalRandom.current().nextDouble() < this.errorRate;
    }

}
