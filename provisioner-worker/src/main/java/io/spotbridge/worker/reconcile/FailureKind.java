package io.spotbridge.worker.reconcile;

import io.spotbridge.model.EventCodecException;
import io.spotbridge.worker.links.LinkWriteException;
import io.spotbridge.worker.spot.CallBlockedException;
import io.spotbridge.worker.spot.CredentialsRejectedException;
import io.spotbridge.worker.spot.PermanentSpotException;
import io.spotbridge.worker.spot.RateLimitedException;
import io.spotbridge.worker.spot.TransientSpotException;

/** What the worker does about a failed event. */
public enum FailureKind {

	/** Retrying cannot help: dead-letter it and move on. */
	PERMANENT,

	/** Spot rejected the tenant's token: pause, never dead-letter. */
	CREDENTIALS,

	/** The tenant's outage breaker is open: pause until it lets calls through. */
	OUTAGE,

	/** 429: retry after at least {@code X-RateLimit-Reset}. */
	RATE_LIMITED,

	/** Retry with backoff; when the retries run out, pause and deliver again (never dead-letter). */
	TRANSIENT;

	/**
	 * Unknown failures count as transient: an event is never dead-lettered for a reason that might go away (at worst
	 * it is retried until someone looks).
	 */
	public static FailureKind of(Throwable error) {
		if (error instanceof PermanentSpotException || error instanceof UnprocessableEventException
				|| error instanceof EventCodecException) {
			return PERMANENT;
		}
		if (error instanceof CredentialsRejectedException) {
			return CREDENTIALS;
		}
		if (error instanceof CallBlockedException blocked) {
			return blocked.gate() == CallBlockedException.Gate.CREDENTIALS ? CREDENTIALS : OUTAGE;
		}
		if (error instanceof RateLimitedException) {
			return RATE_LIMITED;
		}
		if (error instanceof TransientSpotException || error instanceof LinkWriteException) {
			return TRANSIENT;
		}
		return TRANSIENT;
	}

}
