package io.spotbridge.ingress.auth;

import java.util.Locale;

import io.spotbridge.ingress.scim.ScimMediaTypes;
import io.spotbridge.ingress.scim.ScimProblem;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Authenticates every SCIM request by its token ({@code Authorization: Bearer <token>}, or the bare token as Okta's
 * custom-header setup sends it), binds it to its tenant and applies the tenant's rate limit. Discovery endpoints are
 * authenticated like the rest.
 */
@Component
class TenantAuthFilter implements WebFilter, Ordered {

	static final int ORDER = -100;

	private final TenantRegistry registry;

	private final TenantRateLimits rateLimits;

	TenantAuthFilter(TenantRegistry registry, TenantRateLimits rateLimits) {
		this.registry = registry;
		this.rateLimits = rateLimits;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().value().startsWith(ScimMediaTypes.BASE_PATH)) {
			return chain.filter(exchange);
		}
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		Tenant tenant = registry.authenticate(token(header)).orElse(null);
		if (tenant == null) {
			return Mono.error(new ScimProblem(401, null, header == null ? "Authorization header is missing"
					: "The token is not valid for this SCIM endpoint"));
		}
		var wait = rateLimits.tryAcquire(tenant);
		if (wait.isPresent()) {
			return Mono.error(ScimProblem.tooManyRequests(wait.get()));
		}
		exchange.getAttributes().put(Tenant.ATTRIBUTE, tenant);
		return chain.filter(exchange);
	}

	static String token(String header) {
		if (header == null) {
			return null;
		}
		String value = header.trim();
		if (value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
			value = value.substring(7).trim();
		}
		return value;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
