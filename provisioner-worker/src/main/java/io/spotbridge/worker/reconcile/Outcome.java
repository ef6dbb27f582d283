package io.spotbridge.worker.reconcile;

import java.util.Locale;

/** What became of one event; the {@code outcome} tag of {@code bridge.worker.events.processed}. */
public enum Outcome {

	/** Spot matches the event and the link records its version. */
	APPLIED,

	/** Not newer than the version already applied (duplicate, redelivery or out-of-order): nothing done. */
	SKIPPED_STALE,

	/** A newer event of the same user was in the same batch; only that one was applied. */
	COALESCED,

	/** Spot cannot take it (permanent 4xx, undecodable, unprocessable): published to the dead-letter topic. */
	DEAD_LETTERED,

	/** Not applicable now (transient failures, open breaker, rejected token): its partition paused, it comes again. */
	RETRIED;

	public String tag() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
