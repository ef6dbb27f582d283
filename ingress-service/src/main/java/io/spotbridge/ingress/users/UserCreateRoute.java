package io.spotbridge.ingress.users;

import io.spotbridge.ingress.directory.UserEntry;
import io.spotbridge.ingress.scim.RequestContext;
import io.spotbridge.ingress.scim.ScimJson;
import io.spotbridge.ingress.scim.ScimMediaTypes;
import io.spotbridge.ingress.scim.Versions;
import io.spotbridge.ingress.system.IngressProperties;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /Users} (RFC 7644 §3.3), the busiest SCIM route, as a functional route rather than an annotated
 * controller method: the same answers (201 with the resource, {@code ETag} and {@code Location}; SCIM errors through
 * the error handler) with less work per request — no handler-method argument resolution, body decoding through the
 * codecs or result handling. The body is read whole, bounded by {@code bridge.max-body-size} like every other body
 * (413 beyond it). The web filters (correlation id, authentication, rate limit, metrics) apply as to every route.
 */
@Configuration(proxyBeanMethods = false)
class UserCreateRoute {

	private static final byte[] NO_BODY = new byte[0];

	@Bean
	RouterFunction<ServerResponse> createUserRoute(UserService users, IngressProperties properties) {
		int maxBodyBytes = (int) properties.maxBodySize().toBytes();
		return RouterFunctions.route(RequestPredicates.POST(ScimMediaTypes.BASE_PATH + "/Users"),
				request -> create(users, request.exchange(), maxBodyBytes));
	}

	private static Mono<ServerResponse> create(UserService users, ServerWebExchange exchange, int maxBodyBytes) {
		return DataBufferUtils.join(exchange.getRequest().getBody(), maxBodyBytes)
			.map(UserCreateRoute::bytes)
			.defaultIfEmpty(NO_BODY)
			.flatMap(body -> {
				RequestContext context = RequestContext.of(exchange);
				return users.create(context, ScimJson.parseObject(body))
					.flatMap(user -> created(user, context.baseUrl()));
			});
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/** 201 with the resource as JSON, its version as {@code ETag} and its {@code Location}. */
	private static Mono<ServerResponse> created(UserEntry user, String baseUrl) {
		byte[] resource = UserResources.write(user, baseUrl);
		return ServerResponse.status(HttpStatus.CREATED)
			.contentType(ScimMediaTypes.SCIM_JSON)
			.contentLength(resource.length)
			.header(HttpHeaders.ETAG, Versions.etag(user.version()))
			.header(HttpHeaders.LOCATION, UserResources.location(user, baseUrl))
			.build((exchange, context) -> exchange.getResponse()
				.writeWith(Mono.fromSupplier(() -> exchange.getResponse().bufferFactory().wrap(resource))));
	}

}
