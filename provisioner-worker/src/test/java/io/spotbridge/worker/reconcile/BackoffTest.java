package io.spotbridge.worker.reconcile;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

	private final RetryProperties retry = new RetryProperties(6, Duration.ofSeconds(20), Duration.ofMillis(200), 2.0,
			Duration.ofSeconds(5), 0.5, Duration.ofSeconds(5));

	private final Backoff backoff = new Backoff(retry, Duration.ofSeconds(60));

	@RepeatedTest(20)
	void waitsGrowExponentiallyWithJitterUpToTheMaximum() {
		assertThat(backoff.after(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
		assertThat(backoff.after(3)).isBetween(Duration.ofMillis(400), Duration.ofMillis(1200));
		assertThat(backoff.after(20)).isLessThanOrEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void aRateLimitResetIsTheLeastWait() {
		assertThat(backoff.afterRateLimit(1, Duration.ofSeconds(12))).isEqualTo(Duration.ofSeconds(12));
		assertThat(backoff.afterRateLimit(1, Duration.ZERO)).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
	}

	@Test
	void aRateLimitResetIsCappedByTheConfiguredMaximum() {
		Backoff capped = new Backoff(retry, Duration.ofSeconds(2));

		assertThat(capped.afterRateLimit(1, Duration.ofSeconds(55))).isEqualTo(Duration.ofSeconds(2));
	}

}
