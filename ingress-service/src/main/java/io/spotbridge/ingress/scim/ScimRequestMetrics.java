package io.spotbridge.ingress.scim;

import io.micrometer.core.instrument.MeterRegistry;
import io.spotbridge.ingress.auth.Tenant;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * {@code bridge.ingress.scim.requests}: every SCIM request timed (with a latency histogram) and tagged with bounded
 * values only — tenant, operation (e.g. {@code users.create}) and status — never an id or a userName.
 */
@Component
class ScimRequestMetrics implements WebFilter, Ordered {

	private final MeterRegistry meters;

	ScimRequestMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!path.startsWith(ScimMediaTypes.BASE_PATH)) {
			return chain.filter(exchange);
		}
		Timer.Sample sample = Timer.start(meters);
		return chain.filter(exchange).doFinally(signal -> {
			var status = exchange.getResponse().getStatusCode();
			String tenant = Tenant.ifAuthenticated(exchange).map(Tenant::name).orElse("none");
			sample.stop(Timer.builder("bridge.ingress.scim.requests")
				.description("SCIM requests by tenant, operation and status")
				.tag("tenant", tenant)
				.tag("operation", operation(exchange.getRequest().getMethod(), path))
				.tag("status", status == null ? "unknown" : Integer.toString(status.value()))
				.publishPercentileHistogram()
				.register(meters));
		});
	}

	static String operation(HttpMethod method, String path) {
		String rest = path.substring(ScimMediaTypes.BASE_PATH.length());
		String[] parts = rest.split("/");
		String resource = parts.length > 1 ? parts[1] : "";
		boolean single = parts.length > 2;
		String kind;
		if (resource.equals("Users") || resource.equals("Groups")) {
			kind = resource.toLowerCase(java.util.Locale.ROOT);
		}
		else if (resource.equals("ServiceProviderConfig") || resource.equals("ResourceTypes")
				|| resource.equals("Schemas")) {
			return "discovery";
		}
		else {
			return "other";
		}
		String verb;
		if (HttpMethod.GET.equals(method)) {
			verb = single ? "get" : "list";
		}
		else if (HttpMethod.POST.equals(method)) {
			verb = "create";
		}
		else if (HttpMethod.PUT.equals(method)) {
			verb = "replace";
		}
		else if (HttpMethod.PATCH.equals(method)) {
			verb = "patch";
		}
		else if (HttpMethod.DELETE.equals(method)) {
			verb = "delete";
		}
		else {
			verb = "other";
		}
		return kind + "." + verb;
	}

	@Override
	public int getOrder() {
		return -300;
	}

}
