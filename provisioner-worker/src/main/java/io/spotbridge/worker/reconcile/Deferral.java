package io.spotbridge.worker.reconcile;

import java.time.Instant;
import java.util.Locale;

/**
 * Why an event could not be finished now and when it may be tried again. Its partition is sought back to it and
 * paused; it resumes once every deferral on it is due and the tenant's breakers let calls through.
 *
 * @param tenant    whose Spot calls it waits for; empty when not tenant-specific
 * @param reason    what it waits for
 * @param notBefore the earliest time to try again
 */
public record Deferral(String tenant, Reason reason, Instant notBefore) {

	public enum Reason {

		CREDENTIALS, OUTAGE, RATE_LIMITED, RETRIES_EXHAUSTED, KAFKA;

		public String tag() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
