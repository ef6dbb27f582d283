package io.spotbridge.worker.spot;

import java.time.Duration;

/** Spot answered 429. {@link #reset()} ({@code X-RateLimit-Reset}) is the least time to wait before trying again. */
public class RateLimitedException extends TransientSpotException {

	private final Duration reset;

	public RateLimitedException(String route, Duration reset) {
		super(route, 429, "Spot rate limit exceeded on " + route + "; resets in " + reset.toSeconds() + " s");
		this.reset = reset;
	}

	public Duration reset() {
		return reset;
	}

}
