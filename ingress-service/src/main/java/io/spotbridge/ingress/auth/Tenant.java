package io.spotbridge.ingress.auth;

import java.util.Optional;

import org.springframework.web.server.ServerWebExchange;

/** The tenant a SCIM request was authenticated as. Everything it reads or writes is scoped to it. */
public record Tenant(String name) {

	static final String ATTRIBUTE = Tenant.class.getName();

	/** The single tenant configured by {@code SPOT_TOKEN}. */
	public static final String DEFAULT = "default";

	public static Tenant of(ServerWebExchange exchange) {
		return ifAuthenticated(exchange).orElseThrow(() -> new IllegalStateException("request was not authenticated"));
	}

	public static Optional<Tenant> ifAuthenticated(ServerWebExchange exchange) {
		return Optional.ofNullable(exchange.<Tenant>getAttribute(ATTRIBUTE));
	}

}
