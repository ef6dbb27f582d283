package io.spotbridge.ingress.directory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP once the directory has been rebuilt from Kafka; part of the readiness group. */
@Component
class DirectoryHealthIndicator implements HealthIndicator {

	private final DirectoryLoader loader;

	private final Directory directory;

	DirectoryHealthIndicator(DirectoryLoader loader, Directory directory) {
		this.loader = loader;
		this.directory = directory;
	}

	@Override
	public Health health() {
		var builder = loader.isCaughtUp() ? Health.up() : Health.outOfService();
		builder.withDetail("recordsRead", loader.recordsRead()).withDetail("tenants", directory.tenantNames().size());
		if (loader.rebuildTime() != null) {
			builder.withDetail("rebuildMillis", loader.rebuildTime().toMillis());
		}
		return builder.build();
	}

}
