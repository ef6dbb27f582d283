package io.spotbridge.worker.spot;

/**
 * Worth retrying: timeouts, connection errors, 5xx, 408, 409 and 429. Never dead-lettered; the outage circuit
 * breaker counts these (except {@link RateLimitedException}).
 */
public class TransientSpotException extends SpotException {

	public TransientSpotException(String route, int status, String message) {
		super(route, status, message, null);
	}

	public TransientSpotException(String route, String message, Throwable cause) {
		super(route, 0, message, cause);
	}

}
