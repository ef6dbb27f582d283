package io.spotbridge.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChildCpuTest {

	@Test
	void aCompilerThreadThatStoppedInBetweenDoesNotMakeTheUseNegative() {
		// thread 11 (1,000 ticks) was stopped by the JVM; thread 12 used 30 more; thread 13 started and used 5
		Map<Long, Long> before = Map.of(11L, 1_000L, 12L, 200L);
		Map<Long, Long> after = Map.of(12L, 230L, 13L, 5L);

		assertThat(ChildCpu.ticksSince(before, after)).isEqualTo(35);
	}

	@Test
	void noThreadsNoTicks() {
		assertThat(ChildCpu.ticksSince(Map.of(), Map.of())).isZero();
	}

}
