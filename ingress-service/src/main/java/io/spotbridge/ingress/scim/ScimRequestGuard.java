package io.spotbridge.ingress.scim;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.spotbridge.ingress.directory.DirectoryLoader;
import io.spotbridge.ingress.publish.ConnectionEventLoops;
import io.spotbridge.ingress.system.IngressProperties;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Checks every SCIM request before it reaches an endpoint: a correlation id (taken from {@code X-Correlation-Id} when
 * it is sane, else new, and echoed back); a JSON body type on writes (415 otherwise); a body size within the limit (413,
 * decided from {@code Content-Length} before reading; chunked bodies are bounded by the codec limit); and a loaded
 * directory (503 until the rebuild from Kafka caught up, so nobody sees a partial directory). It also remembers the
 * request's event loop for the write path ({@link ConnectionEventLoops}).
 */
@Component
class ScimRequestGuard implements WebFilter, Ordered {

	static final String CORRELATION_HEADER = "X-Correlation-Id";

	private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

	private final IngressProperties properties;

	private final DirectoryLoader loader;

	ScimRequestGuard(IngressProperties properties, DirectoryLoader loader) {
		this.properties = properties;
		this.loader = loader;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		var request = exchange.getRequest();
		if (!request.getPath().value().startsWith(ScimMediaTypes.BASE_PATH)) {
			return chain.filter(exchange);
		}
		String correlationId = correlationId(request.getHeaders().getFirst(CORRELATION_HEADER));
		exchange.getAttributes().put(RequestContext.CORRELATION_ATTRIBUTE, correlationId);
		exchange.getResponse().getHeaders().set(CORRELATION_HEADER, correlationId);
		if (WRITES.contains(request.getMethod())) {
			MediaType type = request.getHeaders().getContentType();
			if (type != null && !ScimMediaTypes.isAcceptedBody(type)) {
				return Mono.error(new ScimProblem(415, null,
						"Content-Type must be application/scim+json or application/json, was " + type));
			}
			long length = request.getHeaders().getContentLength();
			if (length > properties.maxBodySize().toBytes()) {
				return Mono.error(new ScimProblem(413, null, "Request body of " + length
						+ " bytes is larger than the " + properties.maxBodySize().toBytes() + " bytes accepted"));
			}
		}
		if (!loader.isCaughtUp()) {
			return Mono.error(ScimProblem.unavailable("The directory is still loading; retry shortly",
					Duration.ofSeconds(5)));
		}
		return chain.filter(exchange).contextWrite(context -> ConnectionEventLoops.remember(request, context));
	}

	private static String correlationId(String sent) {
		return sent != null && SANE_ID.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
	}

	@Override
	public int getOrder() {
		return -200;
	}

}
