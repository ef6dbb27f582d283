package io.spotbridge.worker.health;

import java.util.Locale;

import io.spotbridge.worker.spot.TenantGuard;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code spot/<tenant>}: DOWN while Spot rejects the tenant's token (with the reason, e.g. "Spot rejected the token
 * for tenant acme (401)"); UP again by itself once a probe call gets through. Shows the outage breaker's state and the
 * rate limiter's permissions; an open outage breaker is not DOWN (the worker waits, it is not misconfigured).
 */
class SpotTenantHealthIndicator implements HealthIndicator {

	private final TenantGuard guard;

	SpotTenantHealthIndicator(TenantGuard guard) {
		this.guard = guard;
	}

	@Override
	public Health health() {
		Health.Builder builder = guard.credentialsRejected() ? Health.down() : Health.up();
		guard.lastRejection().ifPresent(rejection -> builder.withDetail("reason", rejection.getMessage()));
		if (guard.credentialsRejected() && guard.lastRejection().isEmpty()) {
			builder.withDetail("reason", "Spot rejected the token for tenant " + guard.tenant());
		}
		return builder.withDetail("credentials", state(guard.credentialsGate().getState()))
			.withDetail("breaker", state(guard.outageBreaker().getState()))
			.withDetail("rateLimiterAvailable", guard.rateLimiter().getMetrics().getAvailablePermissions())
			.build();
	}

	private static String state(Object state) {
		return state.toString().toLowerCase(Locale.ROOT);
	}

}
