package io.spotbridge.worker.spot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker talks to Spot.
 *
 * @param connectTimeout    TCP connect timeout
 * @param responseTimeout   the longest wait for an answer; a timeout is a transient failure
 * @param maxConnections    HTTP connection pool size (shared by all tenants)
 * @param maxRateLimitWait  the longest wait honoured for one {@code X-RateLimit-Reset} (Spot's window is 60 s)
 * @param breaker           the per-tenant outage circuit breaker
 * @param credentials       the per-tenant credentials gate (opens on 401/403, probes with one call)
 */
@ConfigurationProperties("bridge.spot")
public record SpotProperties(@DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration responseTimeout,
		@DefaultValue("512") int maxConnections, @DefaultValue("60s") Duration maxRateLimitWait,
		@DefaultValue Breaker breaker, @DefaultValue Credentials credentials) {

	/**
	 * @param failureRateThreshold  percentage of failed calls that opens it
	 * @param slidingWindowSize     the number of recent calls it looks at
	 * @param minimumNumberOfCalls  calls needed before it may open
	 * @param waitInOpen            how long it stays open before letting probe calls through (half-open)
	 * @param callsInHalfOpen       probe calls in half-open
	 */
	public record Breaker(@DefaultValue("50") float failureRateThreshold, @DefaultValue("40") int slidingWindowSize,
			@DefaultValue("20") int minimumNumberOfCalls, @DefaultValue("5s") Duration waitInOpen,
			@DefaultValue("3") int callsInHalfOpen) {
	}

	/**
	 * @param initialWait the pause after the first rejection; it doubles with every rejected probe
	 * @param maxWait     the longest pause between probes
	 */
	public record Credentials(@DefaultValue("2s") Duration initialWait, @DefaultValue("60s") Duration maxWait) {
	}

}
