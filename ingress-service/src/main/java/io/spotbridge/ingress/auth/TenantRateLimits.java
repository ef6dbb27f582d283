package io.spotbridge.ingress.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.spotbridge.ingress.system.IngressProperties;

import org.springframework.stereotype.Component;

/** A request-rate limit per tenant (resilience4j), so one tenant's burst cannot starve the others. */
@Component
class TenantRateLimits {

	private final IngressProperties properties;

	private final Map<String, Optional<RateLimiter>> limiters = new ConcurrentHashMap<>();

	TenantRateLimits(IngressProperties properties) {
		this.properties = properties;
	}

	/** @return empty when the request may go ahead, else how long the client should wait */
	Optional<Duration> tryAcquire(Tenant tenant) {
		return limiters.computeIfAbsent(tenant.name(), this::limiterFor).flatMap(limiter -> {
			if (limiter.acquirePermission()) {
				return Optional.empty();
			}
			long nanos = ((io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter) limiter).getDetailedMetrics()
				.getNanosToWait();
			return Optional.of(Duration.ofNanos(Math.max(nanos, 1)));
		});
	}

	private Optional<RateLimiter> limiterFor(String tenant) {
		var configured = properties.tenants().get(tenant);
		int perSecond = configured != null && configured.requestsPerSecond() != null ? configured.requestsPerSecond()
				: properties.rateLimit().requestsPerSecond();
		if (perSecond <= 0) {
			return Optional.empty();
		}
		var config = RateLimiterConfig.custom()
			.limitForPeriod(perSecond)
			.limitRefreshPeriod(Duration.ofSeconds(1))
			.timeoutDuration(Duration.ZERO)
			.build();
		return Optional.of(RateLimiter.of("scim-" + tenant, config));
	}

}
