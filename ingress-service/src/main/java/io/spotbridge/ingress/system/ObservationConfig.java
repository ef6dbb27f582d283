package io.spotbridge.ingress.system;

import io.micrometer.observation.ObservationPredicate;
import io.spotbridge.ingress.scim.ScimMediaTypes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * SCIM requests are timed once, by {@code bridge.ingress.scim.requests} (tenant, operation, status, histogram), which
 * the dashboards and alerts use: Spring's generic {@code http.server.requests} observation is not also run for them
 * (a second timer, its key values and handlers on every request). It still covers every other route.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfig {

	@Bean
	ObservationPredicate noHttpServerObservationForScim() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& request.getCarrier().getPath().value().startsWith(ScimMediaTypes.BASE_PATH));
	}

}
