package io.spotbridge.worker.spot;

/**
 * A Spot call that did not succeed, classified by what the caller should do about it. {@link #getMessage()} holds
 * Spot's error code and message or the transport failure, never a token or password.
 */
public abstract class SpotException extends RuntimeException {

	private final String route;

	private final int status;

	protected SpotException(String route, int status, String message, Throwable cause) {
		super(message, cause);
		this.route = route;
		this.status = status;
	}

	/** The route template, like {@code POST /setup/user}. */
	public String route() {
		return route;
	}

	/** The HTTP status Spot answered, or 0 when there was no answer. */
	public int status() {
		return status;
	}

}
