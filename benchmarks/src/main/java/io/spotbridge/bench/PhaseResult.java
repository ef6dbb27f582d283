package io.spotbridge.bench;

import java.util.Map;

/**
 * What one measured phase gave.
 *
 * @param name     label of the phase
 * @param ok       successful requests in the measured window
 * @param failures failed requests in the window, by reason
 * @param seconds  length of the measured window
 * @param latency  latencies of the successful requests
 * @param cpu      CPU used by each process (and by the rest of the machine) during the window
 */
record PhaseResult(String name, long ok, Map<String, Long> failures, double seconds, Latencies.Summary latency,
		CpuMeter.Usage cpu) {

	double throughput() {
		return ok / seconds;
	}

	long failed() {
		return failures.values().stream().mapToLong(Long::longValue).sum();
	}

}
