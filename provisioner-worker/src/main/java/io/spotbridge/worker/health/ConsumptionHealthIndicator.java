package io.spotbridge.worker.health;

import io.spotbridge.worker.reconcile.PartitionPauses;
import io.spotbridge.worker.reconcile.UserEventsConsumer;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code consumption}: whether the event consumer runs, and which partitions are paused for which tenants and reasons
 * (credentials, outage, rate-limited, retries-exhausted). Pauses are normal operation, so it stays UP.
 */
@Component
class ConsumptionHealthIndicator implements HealthIndicator {

	private final UserEventsConsumer consumer;

	private final PartitionPauses pauses;

	ConsumptionHealthIndicator(UserEventsConsumer consumer, PartitionPauses pauses) {
		this.consumer = consumer;
		this.pauses = pauses;
	}

	@Override
	public Health health() {
		return Health.up()
			.withDetail("consuming", consumer.isConsuming())
			.withDetail("pausedPartitions", pauses.paused().stream().map(Object::toString).sorted().toList())
			.withDetail("waiting", pauses.waitingTenants())
			.build();
	}

}
