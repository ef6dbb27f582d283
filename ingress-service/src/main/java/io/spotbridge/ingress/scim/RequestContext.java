package io.spotbridge.ingress.scim;

import java.net.URI;
import java.util.Optional;

import io.spotbridge.ingress.auth.Tenant;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who is asking and how to answer: the authenticated tenant, the correlation id carried into the published event, and
 * the base URL for {@code meta.location}.
 */
public record RequestContext(Tenant tenant, String correlationId, String baseUrl) {

	public static final String CORRELATION_ATTRIBUTE = RequestContext.class.getName() + ".correlationId";

	public static RequestContext of(ServerWebExchange exchange) {
		URI uri = exchange.getRequest().getURI();
		String base = uri.getScheme() + "://" + uri.getRawAuthority() + ScimMediaTypes.BASE_PATH;
		String correlationId = Optional.ofNullable(exchange.<String>getAttribute(CORRELATION_ATTRIBUTE)).orElse("");
		return new RequestContext(Tenant.of(exchange), correlationId, base);
	}

	public String tenantName() {
		return tenant.name();
	}

}
