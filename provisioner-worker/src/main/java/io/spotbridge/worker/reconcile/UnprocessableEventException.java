package io.spotbridge.worker.reconcile;

/** An event that can never be applied as it is (no email, unknown tenant, key mismatch): dead-lettered. */
public class UnprocessableEventException extends RuntimeException {

	public UnprocessableEventException(String message) {
		super(message);
	}

}
