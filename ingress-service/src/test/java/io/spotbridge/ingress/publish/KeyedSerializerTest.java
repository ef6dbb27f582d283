package io.spotbridge.ingress.publish;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KeyedSerializerTest {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	final KeyedSerializer serializer = new KeyedSerializer();

	final AtomicInteger running = new AtomicInteger();

	final AtomicInteger maxRunning = new AtomicInteger();

	final Queue<String> log = new ConcurrentLinkedQueue<>();

	final ExecutorService threads = Executors.newFixedThreadPool(8);

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	/**
	 * Work that would overlap with whatever else runs: it takes {@code millis} on a timer thread. It records its end
	 * when it signals completion (a {@code doFinally} of the work itself runs only after the signal went downstream,
	 * by which time the next work may legitimately have started).
	 */
	Mono<String> work(String name, long millis) {
		return Mono.defer(() -> {
			log.add("start " + name);
			maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
			return Mono.delay(Duration.ofMillis(millis)).thenReturn(name).doOnTerminate(() -> {
				running.decrementAndGet();
				log.add("end " + name);
			});
		});
	}

	@Test
	void workForOneKeyRunsOneAtATimeInArrivalOrder() {
		// later arrivals are shorter, so any overlap would reorder the log
		List<String> results = Flux.range(0, 8)
			.flatMap(i -> serializer.run("tenant/u1", () -> work("w" + i, 40 - 5 * i)), 8)
			.collectList()
			.block(TIMEOUT);

		assertThat(results).containsExactly("w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7");
		assertThat(maxRunning).hasValue(1);
		assertThat(log).containsExactly("start w0", "end w0", "start w1", "end w1", "start w2", "end w2", "start w3",
				"end w3", "start w4", "end w4", "start w5", "end w5", "start w6", "end w6", "start w7", "end w7");
	}

	@Test
	void workSubmittedFromManyThreadsForOneKeyNeverOverlaps() throws InterruptedException {
		int submissions = 40;
		CountDownLatch go = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(submissions);
		AtomicInteger succeeded = new AtomicInteger();
		for (int i = 0; i < submissions; i++) {
			String name = "w" + i;
			threads.submit(() -> {
				go.await();
				serializer.run("tenant/u1", () -> work(name, 2))
					.doOnSuccess(r -> succeeded.incrementAndGet())
					.doFinally(signal -> done.countDown())
					.subscribe();
				return null;
			});
		}

		go.countDown();

		assertThat(done.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(succeeded).hasValue(submissions);
		assertThat(maxRunning).hasValue(1);
		List<String> entries = List.copyOf(log);
		for (int i = 0; i < entries.size(); i += 2) {
			String name = entries.get(i).substring("start ".length());
			assertThat(entries.get(i + 1)).as("what follows the start of %s", name).isEqualTo("end " + name);
		}
	}

	@Test
	void differentKeysRunInParallel() {
		Sinks.Empty<Void> secondStarted = Sinks.empty();
		// the first key's work can only finish once the second key's work has started
		Mono<String> first = serializer.run("tenant/u1", () -> secondStarted.asMono().thenReturn("first"));
		Mono<String> second = serializer.run("tenant/u2", () -> Mono.fromRunnable(secondStarted::tryEmitEmpty)
			.thenReturn("second"));

		StepVerifier.create(Flux.merge(first, second).collectList())
			.assertNext(results -> assertThat(results).containsExactlyInAnyOrder("first", "second"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void failingWorkDoesNotBlockTheNextWorkForTheKey() {
		Mono<String> failing = serializer.run("tenant/u1",
				() -> Mono.delay(Duration.ofMillis(20)).then(Mono.error(new IllegalStateException("Kafka is away"))));
		Mono<String> next = serializer.run("tenant/u1", () -> work("next", 1));

		StepVerifier.create(Flux.mergeDelayError(2, failing, next))
			.expectNext("next")
			.expectErrorMessage("Kafka is away")
			.verify(TIMEOUT);
		assertThat(log).containsExactly("start next", "end next");
	}

	@Test
	void workThatThrowsInsteadOfReturningAMonoDoesNotBlockTheKey() {
		StepVerifier.create(serializer.run("tenant/u1", () -> {
			throw new IllegalArgumentException("bad request");
		})).expectError(IllegalArgumentException.class).verify(TIMEOUT);

		StepVerifier.create(serializer.run("tenant/u1", () -> Mono.just("next")))
			.expectNext("next")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void aCancelledWaiterDoesNotLetTheWorkBehindItOvertakeTheRunningWork() {
		Sinks.Empty<Void> releaseFirst = Sinks.empty();
		AtomicBoolean thirdStarted = new AtomicBoolean();
		serializer.run("tenant/u1", () -> releaseFirst.asMono().thenReturn("first")).subscribe();
		Disposable second = serializer.run("tenant/u1", () -> Mono.just("second")).subscribe();
		Mono<String> third = serializer.run("tenant/u1", () -> Mono.fromCallable(() -> {
			thirdStarted.set(true);
			return "third";
		})).cache();
		third.subscribe();

		second.dispose();

		assertThat(thirdStarted).as("third started while the first was still running").isFalse();
		releaseFirst.tryEmitEmpty();
		assertThat(third.block(TIMEOUT)).isEqualTo("third");
	}

	@Test
	void cancellingTheRunningWorkLetsTheNextOneRun() {
		Disposable first = serializer.run("tenant/u1", () -> Mono.never()).subscribe();
		Mono<String> second = serializer.run("tenant/u1", () -> Mono.just("second")).cache();
		second.subscribe();

		first.dispose();

		assertThat(second.block(TIMEOUT)).isEqualTo("second");
	}

	@Test
	void noKeyIsActiveOnceAllWorkFinished() {
		Flux.range(0, 20)
			.flatMap(i -> serializer.run("tenant/u" + (i % 3), () -> i % 4 == 0
					? Mono.<String>error(new IllegalStateException("boom")) : work("w" + i, 5))
				.onErrorReturn("failed"), 20)
			.blockLast(TIMEOUT);

		await().atMost(TIMEOUT).until(serializer::activeKeys, n -> n == 0);
	}

	@Test
	void aKeyIsActiveWhileItsWorkRuns() {
		Sinks.Empty<Void> release = Sinks.empty();
		Disposable running = serializer.run("tenant/u1", release::asMono).subscribe();

		assertThat(serializer.activeKeys()).isEqualTo(1);

		release.tryEmitEmpty();
		await().atMost(TIMEOUT).until(serializer::activeKeys, n -> n == 0);
		assertThat(running.isDisposed()).isTrue();
	}

}
