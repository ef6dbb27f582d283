package io.spotbridge.ingress.scim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	ScimRequestMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!path.startsWith(ScimMediaTypes.BASE_PATH)) {
			return chain.filter(exchange);
		}
		long start = meters.config().clock().monotonicTime();
		return chain.filter(exchange).doFinally(signal -> {
			var status = exchange.getResponse().getStatusCode();
			String tenant = Tenant.ifAuthenticated(exchange).map(Tenant::name).orElse("none");
			timer(tenant, operation(exchange.getRequest().getMethod(), path),
					status == null ? -1 : status.value())
				.record(meters.config().clock().monotonicTime() - start, TimeUnit.NANOSECONDS);
		});
	}

	/** The timer of one tag combination, registered once (all tag values are bounded). */
	private Timer timer(String tenant, String operation, int status) {
		String key = tenant + '\u0000' + operation + '\u0000' + status;
		Timer timer = timers.get(key);
		if (timer == null) {
			timer = timers.computeIfAbsent(key, k -> Timer.builder("bridge.ingress.scim.requests")
				.description("SCIM requests by tenant, operation and status")
				.tag("tenant", tenant)
				.tag("operation", operation)
				.tag("status", status < 0 ? "unknown" : Integer.toString(status))
				.publishPercentileHistogram()
				.register(meters));
		}
		return timer;
	}

	static String operation(HttpMethod method, String path) {
		// as rest.split("/") would see it (trailing empty parts dropped), without the regex and the array
		String rest = path.substring(ScimMediaTypes.BASE_PATH.length());
		int end = rest.length();
		while (end > 0 && rest.charAt(end - 1) == '/') {
			end--;
		}
		int first = rest.indexOf('/');
		String resource = "";
		boolean single = false;
		if (first >= 0 && first < end) {
			int second = rest.indexOf('/', first + 1);
			if (second < 0 || second >= end) {
				resource = rest.substring(first + 1, end);
			}
			else {
				resource = rest.substring(first + 1, second);
				single = true;
			}
		}
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
