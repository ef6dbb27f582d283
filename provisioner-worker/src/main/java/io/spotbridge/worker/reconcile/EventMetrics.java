package io.spotbridge.worker.reconcile;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.spotbridge.worker.tenants.TenantSettings;
import io.spotbridge.worker.tenants.Tenants;

import org.springframework.stereotype.Component;

/**
 * The worker's event metrics. Tags are bounded: tenant (configured tenants only, else {@code unknown}), event type,
 * outcome, reason; never user ids or emails. The event counters of configured tenants are registered at 0.
 * <ul>
 * <li>{@code bridge.worker.events.processed{tenant,type,outcome}}: outcome = applied, skipped-stale, coalesced,
 * dead-lettered, retried (deferred to a later delivery)</li>
 * <li>{@code bridge.worker.retries{tenant,reason}}: attempts made again within one delivery</li>
 * <li>{@code bridge.worker.apply.latency{tenant,type}}: from the SCIM change ({@code occurredAt}) to Spot applied;
 * histogram up to 1 h with a bucket at the 5-minute objective</li>
 * </ul>
 */
@Component
public class EventMetrics {

	public static final String PROCESSED = "bridge.worker.events.processed";

	public static final String RETRIES = "bridge.worker.retries";

	public static final String APPLY_LATENCY = "bridge.worker.apply.latency";

	static final String UNKNOWN = "unknown";

	private static final List<String> USER_EVENT_TYPES = List.of("UserCreated", "UserUpdated", "UserDeactivated",
			"UserReactivated", "UserDeleted");

	private final MeterRegistry registry;

	private final Tenants tenants;

	/** Meters made so far: registering looks the meter up through the registry's filters on every call. */
	private final Map<List<Object>, Counter> counters = new ConcurrentHashMap<>();

	private final Map<List<String>, Timer> latencies = new ConcurrentHashMap<>();

	EventMetrics(MeterRegistry registry, Tenants tenants) {
		this.registry = registry;
		this.tenants = tenants;
		// registered at 0 so that increase() sees the first dead letter or deferral of a tenant
		for (TenantSettings tenant : tenants.all()) {
			for (String type : USER_EVENT_TYPES) {
				for (Outcome outcome : Outcome.values()) {
					counter(tenant.name(), type, outcome);
				}
			}
		}
	}

	private Counter counter(String tenant, String type, Outcome outcome) {
		return Counter.builder(PROCESSED)
			.description("Events processed by outcome")
			.tag("tenant", tenant)
			.tag("type", type)
			.tag("outcome", outcome.tag())
			.register(registry);
	}

	void processed(String tenant, String type, Outcome outcome) {
		String tag = tenantTag(tenant);
		counters.computeIfAbsent(List.of(PROCESSED, tag, type, outcome), key -> counter(tag, type, outcome)).increment();
	}

	void retry(String tenant, FailureKind kind) {
		String tag = tenantTag(tenant);
		counters.computeIfAbsent(List.of(RETRIES, tag, kind), key -> Counter.builder(RETRIES)
			.description("Attempts of an event made again after a transient failure")
			.tag("tenant", tag)
			.tag("reason", kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
			.register(registry)).increment();
	}

	void applied(String tenant, String type, Duration sinceChange) {
		String tag = tenantTag(tenant);
		latencies.computeIfAbsent(List.of(tag, type), key -> Timer.builder(APPLY_LATENCY)
			.description("Time from the accepted SCIM change to Spot applied")
			.tag("tenant", tag)
			.tag("type", type)
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofHours(1))
			.serviceLevelObjectives(Duration.ofMinutes(5))
			.register(registry)).record(sinceChange.isNegative() ? Duration.ZERO : sinceChange);
	}

	String tenantTag(String tenant) {
		return tenant != null && tenants.find(tenant).isPresent() ? tenant : UNKNOWN;
	}

}
