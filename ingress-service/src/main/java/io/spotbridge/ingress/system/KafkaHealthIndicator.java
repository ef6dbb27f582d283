package io.spotbridge.ingress.system;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether a Kafka broker answers (part of readiness): writes cannot be accepted without one. The answer is cached for a
 * few seconds so frequent probes do not hammer the cluster.
 */
@Component("kafkaHealthIndicator")
class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

	private static final Duration CACHE = Duration.ofSeconds(5);

	private final AdminClient admin;

	private volatile Health last;

	private volatile Instant checkedAt = Instant.EPOCH;

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
	}

	@Override
	public Health health() {
		if (last != null && Instant.now().isBefore(checkedAt.plus(CACHE))) {
			return last;
		}
		Health health;
		try {
			int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
				.get(3, TimeUnit.SECONDS).size();
			health = Health.up().withDetail("brokers", nodes).build();
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			health = Health.down().withDetail("reason", "no Kafka broker answered: " + ex.getClass().getSimpleName())
				.build();
		}
		last = health;
		checkedAt = Instant.now();
		return health;
	}

	@Override
	public void close() {
		admin.close(Duration.ofSeconds(2));
	}

}
