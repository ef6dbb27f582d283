package io.spotbridge.model;

/** A record that cannot be written or read as a lifecycle event. Not retryable: the bytes will not change. */
public class EventCodecException extends RuntimeException {

	public EventCodecException(String message) {
		super(message);
	}

	public EventCodecException(String message, Throwable cause) {
		super(message, cause);
	}

}
