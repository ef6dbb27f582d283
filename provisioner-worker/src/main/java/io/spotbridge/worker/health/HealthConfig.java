package io.spotbridge.worker.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.spotbridge.worker.spot.SpotClient;
import io.spotbridge.worker.spot.SpotClients;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code spot}: one indicator per tenant ({@code /actuator/health/spot/<tenant>}). */
@Configuration(proxyBeanMethods = false)
class HealthConfig {

	@Bean
	HealthContributor spotHealthContributor(SpotClients clients) {
		if (clients.all().isEmpty()) {
			return (HealthIndicator) () -> Health.up().withDetail("tenants", "none configured").build();
		}
		Map<String, HealthContributor> tenants = new LinkedHashMap<>();
		for (SpotClient client : clients.all()) {
			tenants.put(client.tenant(), new SpotTenantHealthIndicator(client.guard()));
		}
		return org.springframework.boot.health.contributor.CompositeHealthContributor.fromMap(tenants);
	}

}
