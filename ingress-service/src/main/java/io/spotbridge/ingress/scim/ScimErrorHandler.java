package io.spotbridge.ingress.scim;

import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Turns every failure under {@code /scim/v2} into a SCIM Error message (RFC 7644 §3.12): {@code status} as a string,
 * {@code scimType} where one applies, a {@code detail} that names the problem and never a secret. Client mistakes are
 * 4xx; only our own faults are 5xx (Okta turns those into admin tasks).
 */
@Component
@Order(-2)
class ScimErrorHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ScimErrorHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!exchange.getRequest().getPath().value().startsWith(ScimMediaTypes.BASE_PATH)
				|| exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ScimProblem problem = toProblem(ex);
		if (problem.status() >= 500 && !(ex instanceof ScimProblem)) {
			log.error("SCIM {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
		}
		if (hasBody(exchange)) {
			// the body may be unread (rejected before reading it): close rather than reuse a connection with
			// leftover bytes in it
			exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
		}
		return write(exchange.getResponse(), problem);
	}

	private static boolean hasBody(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
	}

	static Mono<Void> write(ServerHttpResponse response, ScimProblem problem) {
		response.setStatusCode(HttpStatus.valueOf(problem.status()));
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(ScimMediaTypes.SCIM_JSON);
		problem.retryAfterSeconds().ifPresent(s -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(s)));
		if (problem.status() == 401) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scim\"");
		}
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(ScimJson.write(body(problem)))));
	}

	static ObjectNode body(ScimProblem problem) {
		ObjectNode body = ScimJson.object();
		body.putArray("schemas").add(ScimMediaTypes.ERROR);
		body.put("status", Integer.toString(problem.status()));
		problem.scimType().ifPresent(type -> body.put("scimType", type));
		body.put("detail", problem.getMessage());
		return body;
	}

	static ScimProblem toProblem(Throwable ex) {
		if (ex instanceof ScimProblem problem) {
			return problem;
		}
		if (ex instanceof DataBufferLimitException || hasCause(ex, DataBufferLimitException.class)) {
			return new ScimProblem(413, null, "Request body is larger than this server accepts");
		}
		if (ex instanceof ServerWebInputException input && hasCause(ex, DecodingException.class)) {
			return ScimProblem.invalidSyntax("Request body could not be read: " + input.getReason());
		}
		if (ex instanceof ResponseStatusException status) {
			int code = status.getStatusCode().value();
			String detail = switch (code) {
				case 404 -> "No such SCIM resource or endpoint";
				case 405 -> "Method not allowed on this SCIM endpoint";
				case 406 -> "Only application/scim+json and application/json responses are available";
				case 415 -> "Content-Type must be application/scim+json or application/json";
				default -> status.getReason() != null ? status.getReason() : status.getStatusCode().toString();
			};
			return new ScimProblem(code, code == 400 ? "invalidValue" : null, detail);
		}
		if (ex instanceof TimeoutException) {
			return ScimProblem.unavailable("Timed out", java.time.Duration.ofSeconds(5));
		}
		return new ScimProblem(500, null, "Internal error; the request was not applied");
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
