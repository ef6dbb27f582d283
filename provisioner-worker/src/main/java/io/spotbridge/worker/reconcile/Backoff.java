package io.spotbridge.worker.reconcile;

import java.time.Duration;

import io.github.resilience4j.core.IntervalFunction;

/**
 * The wait before the next attempt of an event: exponential with jitter (resilience4j's
 * {@link IntervalFunction#ofExponentialRandomBackoff}); after a 429 at least the rate-limit reset, capped by
 * {@code bridge.spot.max-rate-limit-wait}.
 */
final class Backoff {

	private final IntervalFunction intervals;

	private final Duration maxRateLimitWait;

	Backoff(RetryProperties retry, Duration maxRateLimitWait) {
		this.intervals = IntervalFunction.ofExponentialRandomBackoff(retry.initialBackoff(), retry.multiplier(),
				retry.jitter(), retry.maxBackoff());
		this.maxRateLimitWait = maxRateLimitWait;
	}

	/** The wait after the given failed attempt (1-based). */
	Duration after(int attempt) {
		return Duration.ofMillis(intervals.apply(attempt));
	}

	/** The wait after a 429 whose reset is given: the longer of the backoff and the reset (capped). */
	Duration afterRateLimit(int attempt, Duration reset) {
		Duration honoured = reset.compareTo(maxRateLimitWait) > 0 ? maxRateLimitWait : reset;
		Duration backoff = after(attempt);
		return honoured.compareTo(backoff) > 0 ? honoured : backoff;
	}

}
