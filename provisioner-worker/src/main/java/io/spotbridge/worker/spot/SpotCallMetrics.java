package io.spotbridge.worker.spot;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** {@code bridge.worker.spot.calls{tenant,route,status}}: every Spot call made, by route template and answer. */
class SpotCallMetrics {

	static final String CALLS = "bridge.worker.spot.calls";

	private final MeterRegistry registry;

	SpotCallMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(String tenant, String route, String status, long nanos) {
		Timer.builder(CALLS)
			.description("Spot API calls by tenant, route template and HTTP status (timeout, io-error without one)")
			.tag("tenant", tenant)
			.tag("route", route)
			.tag("status", status)
			.register(registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

}
