package io.spotbridge.worker.spot;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallDeadlinesTest {

	@Test
	void aCallWithoutAnswerTimesOutAndOneWithAnAnswerDoesNot() {
		long started = System.nanoTime();
		assertThatThrownBy(() -> Mono.never().timeout(Duration.ofMillis(300), CallDeadlines.INSTANCE).block())
			.hasCauseInstanceOf(TimeoutException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250),
				Duration.ofSeconds(5));

		assertThat(Mono.just("answer").timeout(Duration.ofMillis(300), CallDeadlines.INSTANCE).block())
			.isEqualTo("answer");
	}

	@Test
	void aCancelledDeadlineNeverFires() throws InterruptedException {
		AtomicBoolean fired = new AtomicBoolean();
		Disposable deadline = CallDeadlines.INSTANCE.schedule(() -> fired.set(true), 200, TimeUnit.MILLISECONDS);
		deadline.dispose();
		CountDownLatch later = new CountDownLatch(1);
		CallDeadlines.INSTANCE.schedule(later::countDown, 400, TimeUnit.MILLISECONDS);

		assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(fired).isFalse();
		assertThat(deadline.isDisposed()).isTrue();
	}

}
