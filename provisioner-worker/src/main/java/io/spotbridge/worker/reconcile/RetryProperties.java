package io.spotbridge.worker.reconcile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retries of one event after transient failures (exponential backoff with jitter; a 429 waits at least its
 * {@code X-RateLimit-Reset}). When the attempts or the time run out the event is not dead-lettered: its partition
 * pauses for {@code pauseAfterExhaustion} and the event is delivered again.
 *
 * @param maxAttempts          attempts per event and delivery
 * @param maxElapsed           time per event and delivery
 * @param initialBackoff       the first wait
 * @param multiplier           growth of the wait per attempt
 * @param maxBackoff           the longest wait between two attempts (a rate-limit reset may be longer)
 * @param jitter               randomization factor of the waits (0..1)
 * @param pauseAfterExhaustion how long the partition waits before the event is tried again
 */
@ConfigurationProperties("bridge.retry")
public record RetryProperties(@DefaultValue("6") int maxAttempts, @DefaultValue("20s") Duration maxElapsed,
		@DefaultValue("200ms") Duration initialBackoff, @DefaultValue("2.0") double multiplier,
		@DefaultValue("5s") Duration maxBackoff, @DefaultValue("0.5") double jitter,
		@DefaultValue("5s") Duration pauseAfterExhaustion) {
}
