package io.spotbridge.bench;

import java.util.Arrays;

/**
 * Every latency sample of one phase (in nanoseconds), kept exactly: a run records at most a few hundred thousand
 * samples, so sorting them beats the approximation of a histogram. Thread-safe.
 */
final class Latencies {

	private long[] samples = new long[16_384];

	private int size;

	synchronized void record(long nanos) {
		if (size == samples.length) {
			samples = Arrays.copyOf(samples, size * 2);
		}
		samples[size++] = nanos;
	}

	synchronized int count() {
		return size;
	}

	/** Percentiles of what was recorded so far. */
	synchronized Summary summary() {
		long[] sorted = Arrays.copyOf(samples, size);
		Arrays.sort(sorted);
		return new Summary(sorted);
	}

	/** Percentiles by the nearest-rank method; NaN when nothing was recorded. */
	static final class Summary {

		private final long[] sorted;

		Summary(long[] sorted) {
			this.sorted = sorted;
		}

		int count() {
			return sorted.length;
		}

		double percentileMillis(double percentile) {
			if (sorted.length == 0) {
				return Double.NaN;
			}
			int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
			return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
		}

		double p50() {
			return percentileMillis(50);
		}

		double p99() {
			return percentileMillis(99);
		}

		double p999() {
			return percentileMillis(99.9);
		}

		double maxMillis() {
			return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
		}

	}

}
