package io.spotbridge.worker.replay;

import java.util.List;

/**
 * What a replay did (or, in a dry run, would do).
 *
 * @param dryRun     nothing was published
 * @param replayed   re-published (would be, in a dry run)
 * @param superseded skipped: a newer state exists or it was already replayed
 * @param parked     skipped: replayed too often already
 * @param failed     could not be re-published
 * @param items      one line per chosen dead letter
 */
public record ReplaySummary(boolean dryRun, int replayed, int superseded, int parked, int failed, List<Item> items) {

	/** The outcome for one dead letter: {@code replayed}, {@code superseded}, {@code parked} or {@code failed}. */
	public record Item(String tenant, String userId, long version, int partition, long offset, String outcome,
			String detail) {
	}

}
