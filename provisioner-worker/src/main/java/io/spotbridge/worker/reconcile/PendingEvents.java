package io.spotbridge.worker.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.spotbridge.model.LifecycleEvent;
import io.spotbridge.worker.tenants.TenantSettings;
import io.spotbridge.worker.tenants.Tenants;
import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * The events this worker has received and not finished (applied, skipped or dead-lettered): those in the batch in
 * progress and those waiting on a paused partition. Exports
 * {@code bridge.worker.oldest.unapplied.age{tenant}}: seconds since the oldest of them happened (0 when none), the
 * signal that a tenant is stuck however the worker is stuck.
 */
@Component
class PendingEvents {

	private final Map<TopicPartition, Map<String, Pending>> byPartition = new ConcurrentHashMap<>();

	private final Clock clock;

	PendingEvents(Clock clock, Tenants tenants, MeterRegistry registry) {
		this.clock = clock;
		for (TenantSettings tenant : tenants.all()) {
			Gauge.builder("bridge.worker.oldest.unapplied.age", this, pending -> pending.oldestAge(tenant.name()))
				.description("Seconds since the oldest received but unfinished event of the tenant happened; 0 when none")
				.baseUnit("seconds")
				.tag("tenant", tenant.name())
				.register(registry);
		}
	}

	void received(KeyWork work) {
		Instant oldest = work.event().occurredAt();
		for (LifecycleEvent older : work.coalesced()) {
			oldest = older.occurredAt().isBefore(oldest) ? older.occurredAt() : oldest;
		}
		Instant since = oldest;
		byPartition.computeIfAbsent(work.partition(), p -> new ConcurrentHashMap<>())
			.merge(work.record().key(), new Pending(work.event().tenant(), since),
					(current, candidate) -> current.since().isBefore(candidate.since()) ? current : candidate);
	}

	void finished(KeyWork work) {
		Map<String, Pending> pending = byPartition.get(work.partition());
		if (pending != null) {
			pending.remove(work.record().key());
		}
	}

	/** The partitions went to another consumer: their events are no longer this worker's. */
	void forget(Collection<TopicPartition> partitions) {
		partitions.forEach(byPartition::remove);
	}

	double oldestAge(String tenant) {
		Instant oldest = null;
		for (Map<String, Pending> pending : byPartition.values()) {
			for (Pending event : pending.values()) {
				if (event.tenant().equals(tenant) && (oldest == null || event.since().isBefore(oldest))) {
					oldest = event.since();
				}
			}
		}
		if (oldest == null) {
			return 0;
		}
		Duration age = Duration.between(oldest, clock.instant());
		return age.isNegative() ? 0 : age.toMillis() / 1000.0;
	}

	private record Pending(String tenant, Instant since) {
	}

}
