package io.spotbridge.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpotWindowsTest {

	private static final long MINUTE = 60_000;

	@Test
	void aWindowOpensWithTheFirstCallAfterThePreviousOneEnded() {
		// 3 calls in the first minute, then a pause: the second window opens at 70 s, not at 60 s
		SpotWindows windows = SpotWindows.of(new long[] { 5_000, 6_000, 64_999, 70_000, 129_999, 130_000 }, MINUTE);

		assertThat(windows.callsPerWindow()).containsExactly(3, 2, 1);
		assertThat(windows.firstAt()).isEqualTo(5_000);
		assertThat(windows.describe()).isEqualTo("3 + 2 + 1 calls");
	}

	@Test
	void timeBeforeTheFirstCallOpensNoWindow() {
		// whatever happened before the first call (a worker still starting) is not a window
		SpotWindows windows = SpotWindows.of(new long[] { 100_000, 100_001, 159_999 }, MINUTE);

		assertThat(windows.count()).isEqualTo(1);
	}

	@Test
	void noCallsNoWindows() {
		SpotWindows windows = SpotWindows.of(new long[0], MINUTE);

		assertThat(windows.count()).isZero();
		assertThat(windows.describe()).isEqualTo("no calls");
	}

}
