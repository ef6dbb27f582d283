package io.spotbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fixed rate-limit windows Spot (and the simulator) opened for a sequence of calls: a window opens with the first
 * call after the previous one ended and lasts {@code windowNanos}. Used to judge how much of an imposed limit the
 * worker achieved: the windows are counted where Spot counts them, from the first call on the route, so the time
 * between the first SCIM create and the worker's first call (start-up, group join) is not charged to the rate.
 */
record SpotWindows(List<Integer> callsPerWindow, long firstAt) {

	/** {@code times}: when each call arrived (any clock in nanoseconds), in ascending order. */
	static SpotWindows of(long[] times, long windowNanos) {
		List<Integer> counts = new ArrayList<>();
		long end = Long.MIN_VALUE;
		for (long time : times) {
			if (counts.isEmpty() || time >= end) {
				counts.add(0);
				end = time + windowNanos;
			}
			counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
		}
		return new SpotWindows(List.copyOf(counts), times.length == 0 ? 0 : times[0]);
	}

	int count() {
		return callsPerWindow.size();
	}

	/** E.g. {@code "600 + 600 calls"}. */
	String describe() {
		return callsPerWindow.isEmpty() ? "no calls"
				: callsPerWindow.stream().map(String::valueOf).collect(Collectors.joining(" + ")) + " calls";
	}

}
