package io.spotbridge.worker.spot;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code bridge.worker.spot.calls{tenant,route,status}}: every Spot call made, by route template and answer, with a
 * latency histogram (5 ms to 30 s).
 */
class SpotCallMetrics {

	static final String CALLS = "bridge.worker.spot.calls";

	private final MeterRegistry registry;

	/** The timers made so far (registering looks the meter up through the registry's filters on every call). */
	private final java.util.Map<Key, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

	SpotCallMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(String tenant, String route, String status, long nanos) {
		Key key = new Key(tenant, route, status);
		Timer timer = timers.get(key);
		if (timer == null) {
			timer = timers.computeIfAbsent(key, k -> timer(k.tenant(), k.route(), k.status()));
		}
		timer.record(nanos, TimeUnit.NANOSECONDS);
	}

	private record Key(String tenant, String route, String status) {
	}

	/** Registers the credential failures at 0, so that {@code increase()} sees the first one. */
	void registerCredentialFailures(String tenant) {
		for (String route : SpotClient.ROUTES) {
			timer(tenant, route, "401");
			timer(tenant, route, "403");
		}
	}

	private Timer timer(String tenant, String route, String status) {
		return Timer.builder(CALLS)
			.description("Spot API calls by tenant, route template and HTTP status (timeout, io-error without one)")
			.tag("tenant", tenant)
			.tag("route", route)
			.tag("status", status)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(5))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(registry);
	}

}
