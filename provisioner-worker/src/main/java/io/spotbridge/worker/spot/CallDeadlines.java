package io.spotbridge.worker.spot;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * The scheduler of the Spot calls' overall timeouts ({@code Mono.timeout}): a hashed wheel timer (100 ms ticks, ample
 * for timeouts of seconds). Every call starts a timeout and nearly every one is cancelled when the answer comes;
 * on the wheel both are a queue offer, where the default parallel scheduler takes a lock and re-sorts its delay queue
 * each time. A timeout that fires runs on the timer's thread. One timer for the JVM (Netty warns past 64 of them).
 */
final class CallDeadlines implements Scheduler {

	static final CallDeadlines INSTANCE = new CallDeadlines();

	private final HashedWheelTimer timer = new HashedWheelTimer(new DefaultThreadFactory("spot-call-deadlines", true),
			100, TimeUnit.MILLISECONDS, 256);

	private CallDeadlines() {
	}

	@Override
	public Disposable schedule(Runnable task) {
		return schedule(task, 0, TimeUnit.MILLISECONDS);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		try {
			return new Deadline(timer.newTimeout(timeout -> task.run(), delay, unit));
		}
		catch (IllegalStateException ex) {
			throw new RejectedExecutionException("the call deadline timer is stopped", ex);
		}
	}

	@Override
	public Worker createWorker() {
		return new DeadlineWorker();
	}

	/** Shared by every client for the JVM's life: disposing it does nothing. */
	@Override
	public void dispose() {
	}

	private record Deadline(Timeout timeout) implements Disposable {

		@Override
		public void dispose() {
			timeout.cancel();
		}

		@Override
		public boolean isDisposed() {
			return timeout.isCancelled() || timeout.isExpired();
		}

	}

	/** Tasks of a worker are not ordered among each other (nothing here needs it); disposing cancels them. */
	private final class DeadlineWorker implements Worker {

		private final reactor.core.Disposable.Composite tasks = reactor.core.Disposables.composite();

		@Override
		public Disposable schedule(Runnable task) {
			return schedule(task, 0, TimeUnit.MILLISECONDS);
		}

		@Override
		public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
			if (tasks.isDisposed()) {
				throw new RejectedExecutionException("worker disposed");
			}
			java.util.concurrent.atomic.AtomicReference<Disposable> self = new java.util.concurrent.atomic.AtomicReference<>();
			Disposable scheduled = CallDeadlines.this.schedule(() -> {
				Disposable done = self.get();
				if (done != null) {
					tasks.remove(done);
				}
				task.run();
			}, delay, unit);
			self.set(scheduled);
			tasks.add(scheduled);
			return scheduled;
		}

		@Override
		public void dispose() {
			tasks.dispose();
		}

		@Override
		public boolean isDisposed() {
			return tasks.isDisposed();
		}

	}

}
