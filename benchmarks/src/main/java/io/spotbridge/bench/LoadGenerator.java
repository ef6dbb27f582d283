package io.spotbridge.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives an asynchronous operation in one of two shapes, each with an unmeasured warm-up of the same shape first:
 * <ul>
 * <li><b>closed loop</b> ({@link #closedLoop}): N virtual clients, each sending its next request as soon as its
 * previous one was answered — the maximum throughput at a bounded concurrency;</li>
 * <li><b>open loop</b> ({@link #openLoop}): requests are started on a fixed schedule (request i at
 * {@code start + i / rate}) whether or not earlier ones were answered, and each latency is measured from the
 * <em>intended</em> start, so a stall of the server (or of this client) shows up in the percentiles instead of
 * silently lowering the rate (no coordinated omission). Its warm-up is a short closed loop (see there).</li>
 * </ul>
 * A request counts in the measured window when it completes within it (closed loop) or was scheduled within it (open
 * loop).
 */
final class LoadGenerator {

	/** One asynchronous request. The future completes with null on success, else with a short failure reason. */
	@FunctionalInterface
	interface AsyncCall {

		CompletableFuture<String> call(long sequence);

	}

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

	static final int OPEN_LOOP_WARMUP_CLIENTS = 8;

	/** Sequence numbers of all requests of this JVM, so that every request of every phase gets a distinct one. */
	private static final AtomicLong SEQUENCE = new AtomicLong();

	static final Duration OPEN_LOOP_LEAD_IN = Duration.ofSeconds(1);

	private LoadGenerator() {
	}

	static PhaseResult closedLoop(String name, AsyncCall call, int concurrency, Duration warmup, Duration measured,
			CpuMeter cpu) {
		long begin = System.nanoTime();
		long measureStart = begin + warmup.toNanos();
		long measureEnd = measureStart + measured.toNanos();
		Recorder recorder = new Recorder(measureStart, measureEnd);
		CountDownLatch done = new CountDownLatch(concurrency);
		for (int i = 0; i < concurrency; i++) {
			new ClosedLoopClient(call, SEQUENCE, recorder, measureEnd, done).next();
		}
		sleepUntil(measureStart);
		CpuMeter.Snapshot cpuStart = cpu.snapshot();
		sleepUntil(measureEnd);
		CpuMeter.Snapshot cpuEnd = cpu.snapshot();
		boolean drained = await(done, DRAIN_TIMEOUT);
		return recorder.result(name, measured, cpuStart.until(cpuEnd), drained ? 0 : done.getCount());
	}

	/**
	 * The warm-up is a closed loop of {@link #OPEN_LOOP_WARMUP_CLIENTS} clients (so a cold JIT cannot build a backlog
	 * that would then be carried into the measured window), followed by {@link #OPEN_LOOP_LEAD_IN} of the schedule
	 * that is not measured either.
	 */
	static PhaseResult openLoop(String name, AsyncCall call, int ratePerSecond, Duration warmup, Duration measured,
			CpuMeter cpu, int maxOutstanding) {
		if (!warmup.isZero()) {
			closedLoop(name + " warm-up", call, OPEN_LOOP_WARMUP_CLIENTS, Duration.ZERO, warmup, cpu);
		}
		double periodNanos = 1e9 / ratePerSecond;
		long begin = System.nanoTime() + 10_000_000L;
		long measureStart = begin + OPEN_LOOP_LEAD_IN.toNanos();
		long measureEnd = measureStart + measured.toNanos();
		Recorder recorder = new Recorder(Long.MIN_VALUE, Long.MAX_VALUE);
		AtomicInteger outstanding = new AtomicInteger();
		CpuMeter.Snapshot cpuStart = null;
		for (long i = 0;; i++) {
			long intended = begin + Math.round(i * periodNanos);
			if (intended >= measureEnd) {
				break;
			}
			sleepUntil(intended);
			boolean counted = intended >= measureStart;
			if (counted && cpuStart == null) {
				cpuStart = cpu.snapshot();
			}
			if (outstanding.get() >= maxOutstanding) {
				if (counted) {
					recorder.failure("client backlog > " + maxOutstanding + " (request not sent)");
				}
				continue;
			}
			outstanding.incrementAndGet();
			CompletableFuture<String> future;
			try {
				future = call.call(SEQUENCE.getAndIncrement());
			}
			catch (RuntimeException ex) {
				future = CompletableFuture.failedFuture(ex);
			}
			future.whenComplete((failure, ex) -> {
				outstanding.decrementAndGet();
				if (counted) {
					recorder.complete(intended, System.nanoTime(), failure, ex);
				}
			});
		}
		CpuMeter.Snapshot cpuEnd = cpu.snapshot();
		long drainDeadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
		while (outstanding.get() > 0 && System.nanoTime() < drainDeadline) {
			LockSupport.parkNanos(1_000_000L);
		}
		return recorder.result(name, measured, (cpuStart == null ? cpuEnd : cpuStart).until(cpuEnd), outstanding.get());
	}

	/** How long {@link #settle} ran and what the ingress's JIT compilers used in its last slice. */
	record Settling(double seconds, double lastJitCores, boolean settled) {
	}

	/**
	 * Keeps up a closed-loop warm-up of {@code clients} in slices of {@code slice} until the ingress's JIT compilers
	 * used less than {@code jitCores} during a slice (the code the load runs is compiled) or {@code max} has passed.
	 */
	static Settling settle(String name, AsyncCall call, int clients, Duration slice, Duration max, double jitCores,
			CpuMeter cpu) {
		long begin = System.nanoTime();
		double jit = Double.NaN;
		while (System.nanoTime() - begin < max.toNanos()) {
			PhaseResult result = closedLoop(name + " settling", call, clients, Duration.ZERO, slice, cpu);
			jit = result.cpu().ingressByThread().getOrDefault("jit", Double.NaN);
			if (jit < jitCores) {
				return new Settling((System.nanoTime() - begin) / 1e9, jit, true);
			}
		}
		return new Settling((System.nanoTime() - begin) / 1e9, jit, false);
	}

	private static void sleepUntil(long nanoTime) {
		long remaining;
		while ((remaining = nanoTime - System.nanoTime()) > 0) {
			LockSupport.parkNanos(remaining);
		}
	}

	private static boolean await(CountDownLatch latch, Duration timeout) {
		try {
			return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** One virtual client of the closed loop; runs on whatever thread completes its previous request. */
	private static final class ClosedLoopClient {

		private final AsyncCall call;

		private final AtomicLong sequence;

		private final Recorder recorder;

		private final long stopAt;

		private final CountDownLatch done;

		ClosedLoopClient(AsyncCall call, AtomicLong sequence, Recorder recorder, long stopAt, CountDownLatch done) {
			this.call = call;
			this.sequence = sequence;
			this.recorder = recorder;
			this.stopAt = stopAt;
			this.done = done;
		}

		void next() {
			// a loop, not recursion, for requests that complete synchronously (e.g. refused at once)
			while (true) {
				long start = System.nanoTime();
				if (start >= stopAt) {
					done.countDown();
					return;
				}
				CompletableFuture<String> future;
				try {
					future = call.call(sequence.getAndIncrement());
				}
				catch (RuntimeException ex) {
					future = CompletableFuture.failedFuture(ex);
				}
				if (future.isDone()) {
					complete(start, future);
					continue;
				}
				future.whenComplete((failure, ex) -> {
					recorder.completeIfInWindow(start, System.nanoTime(), failure, ex);
					next();
				});
				return;
			}
		}

		private void complete(long start, CompletableFuture<String> future) {
			String failure;
			Throwable error = null;
			try {
				failure = future.join();
			}
			catch (RuntimeException ex) {
				failure = null;
				error = ex;
			}
			recorder.completeIfInWindow(start, System.nanoTime(), failure, error);
		}

	}

	/** Counts outcomes and latencies of the requests of the measured window. */
	private static final class Recorder {

		private final long windowStart;

		private final long windowEnd;

		private final Latencies latencies = new Latencies();

		private final LongAdder ok = new LongAdder();

		private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

		Recorder(long windowStart, long windowEnd) {
			this.windowStart = windowStart;
			this.windowEnd = windowEnd;
		}

		void completeIfInWindow(long start, long end, String failure, Throwable error) {
			if (end >= windowStart && end <= windowEnd) {
				complete(start, end, failure, error);
			}
		}

		void complete(long start, long end, String failure, Throwable error) {
			if (error != null) {
				Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.CompletionException
						? error.getCause() : error;
				String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("");
				if (cause instanceof io.netty.handler.timeout.ReadTimeoutException) {
					message = " (no answer within the client's 10 s response timeout)";
				}
				failure(cause.getClass().getSimpleName() + message);
			}
			else if (failure != null) {
				failure(failure);
			}
			else {
				ok.increment();
				latencies.record(end - start);
			}
		}

		void failure(String reason) {
			String key = reason.length() > 120 ? reason.substring(0, 120) + "..." : reason;
			failures.computeIfAbsent(key, k -> new LongAdder()).increment();
		}

		PhaseResult result(String name, Duration measured, CpuMeter.Usage cpu, long unanswered) {
			Map<String, Long> failureCounts = new TreeMap<>();
			failures.forEach((reason, count) -> failureCounts.put(reason, count.sum()));
			if (unanswered > 0) {
				failureCounts.merge("no answer within " + DRAIN_TIMEOUT.toSeconds() + " s after the phase", unanswered,
						Long::sum);
			}
			return new PhaseResult(name, ok.sum(), failureCounts, measured.toNanos() / 1e9, latencies.summary(), cpu);
		}

	}

}
