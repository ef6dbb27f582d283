package io.spotbridge.worker.spot;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.spotbridge.worker.tenants.TenantSettings;
import io.spotbridge.worker.tenants.Tenants;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One {@link SpotClient} (and {@link TenantGuard}) per configured tenant, sharing one HTTP connection pool. Registers
 * the resilience gauges: {@code bridge.worker.breaker.state{tenant,breaker,state}},
 * {@code bridge.worker.ratelimiter.available{tenant}} and {@code bridge.worker.spot.ratelimit.remaining{tenant,route}}.
 */
@Component
public class SpotClients implements DisposableBean {

	private final ConnectionProvider connections;

	private final Map<String, SpotClient> clients = new LinkedHashMap<>();

	public SpotClients(Tenants tenants, SpotProperties properties, MeterRegistry registry, Clock clock) {
		this.connections = ConnectionProvider.builder("spot")
			.maxConnections(properties.maxConnections())
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(properties.responseTimeout().plus(properties.connectTimeout()))
			.maxIdleTime(java.time.Duration.ofSeconds(30))
			.build();
		HttpClient http = HttpClient.create(connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
			.responseTimeout(properties.responseTimeout());
		SpotCallMetrics metrics = new SpotCallMetrics(registry);
		for (TenantSettings tenant : tenants.all()) {
			TenantGuard guard = new TenantGuard(tenant, properties, clock);
			String authorization = "Bearer " + tenant.token().reveal();
			HttpClient tenantHttp = http.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, authorization)
				.set(HttpHeaderNames.ACCEPT, "application/json"));
			clients.put(tenant.name(), new SpotClient(tenant.name(), tenantHttp, tenant.apiUrl().toString(), guard,
					metrics, properties.responseTimeout().plus(properties.connectTimeout())));
			registerGauges(guard, registry);
			metrics.registerCredentialFailures(tenant.name());
		}
	}

	public Optional<SpotClient> forTenant(String tenant) {
		return Optional.ofNullable(clients.get(tenant));
	}

	public Collection<SpotClient> all() {
		return clients.values();
	}

	public Optional<TenantGuard> guard(String tenant) {
		return forTenant(tenant).map(SpotClient::guard);
	}

	private static void registerGauges(TenantGuard guard, MeterRegistry registry) {
		for (CircuitBreaker breaker : new CircuitBreaker[] { guard.outageBreaker(), guard.credentialsGate() }) {
			String kind = breaker == guard.outageBreaker() ? "outage" : "credentials";
			for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
				Gauge.builder("bridge.worker.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
					.description("1 for the state each per-tenant circuit breaker is in")
					.tag("tenant", guard.tenant())
					.tag("breaker", kind)
					.tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
					.register(registry);
			}
		}
		Gauge.builder("bridge.worker.ratelimiter.available", guard.rateLimiter(),
				limiter -> limiter.getMetrics().getAvailablePermissions())
			.description("Permissions left in the current period of the tenant's Spot call rate limiter")
			.tag("tenant", guard.tenant())
			.register(registry);
		for (String route : SpotClient.ROUTES) {
			Gauge.builder("bridge.worker.spot.ratelimit.remaining", guard, g -> {
				var value = g.rateLimitRemaining().get(route);
				return value == null ? Double.NaN : value.get();
			})
				.description("X-RateLimit-Remaining of Spot's last answer on the route")
				.tag("tenant", guard.tenant())
				.tag("route", route)
				.register(registry);
		}
	}

	@Override
	public void destroy() {
		connections.dispose();
	}

}
