package io.spotbridge.worker.replay;

import java.util.List;

/** Headers a replayed record carries besides the original ones. */
public final class ReplayHeaders {

	public static final String REPLAY_COUNT = "x-replay-count";

	public static final String REPLAYED_AT = "x-replayed-at";

	public static final String REPLAYED_BY = "x-replayed-by";

	public static final List<String> ALL = List.of(REPLAY_COUNT, REPLAYED_AT, REPLAYED_BY);

	private ReplayHeaders() {
	}

}
