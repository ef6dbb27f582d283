package io.spotbridge.worker.replay;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Recomputes the dead-letter gauges every {@code bridge.replay.metrics-refresh} (they are also refreshed on request). */
@Component
class DeadLetterMetricsRefresher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterMetricsRefresher.class);

	private final DeadLetters deadLetters;

	private final Duration interval;

	private volatile ScheduledExecutorService executor;

	DeadLetterMetricsRefresher(DeadLetters deadLetters, ReplayProperties properties) {
		this.deadLetters = deadLetters;
		this.interval = properties.metricsRefresh();
	}

	@Override
	public void start() {
		if (interval == null || interval.isZero() || interval.isNegative()) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "dead-letter-metrics");
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
		executor = started;
	}

	private void refresh() {
		try {
			deadLetters.refreshMetrics();
		}
		catch (RuntimeException ex) {
			log.warn("Could not refresh the dead-letter metrics: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = executor;
		executor = null;
		if (current != null) {
			current.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

}
