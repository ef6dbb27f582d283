package io.spotbridge.worker.health;

import io.spotbridge.worker.links.LinkStore;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code links}: UP once the link store has read the links topic to the end seen at start (part of readiness). */
@Component
class LinksHealthIndicator implements HealthIndicator {

	private final LinkStore links;

	LinksHealthIndicator(LinkStore links) {
		this.links = links;
	}

	@Override
	public Health health() {
		Health.Builder builder = links.isCaughtUp() ? Health.up() : Health.outOfService();
		builder.withDetail("links", links.size()).withDetail("recordsRead", links.recordsRead());
		links.rebuildTime().ifPresent(took -> builder.withDetail("rebuildMillis", took.toMillis()));
		return builder.build();
	}

}
