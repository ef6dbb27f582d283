package io.spotbridge.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The load-generating SCIM client: Reactor Netty (non-blocking, pooled keep-alive HTTP/1.1 connections), so a few
 * event-loop threads can keep thousands of requests per second in flight. The concurrency is bounded by the caller
 * (closed loop) or by the schedule (open loop); the pool only caps the connections.
 */
final class ScimLoadClient implements AutoCloseable {

	static final String SCIM_JSON = "application/scim+json";

	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);

	private final ConnectionProvider pool;

	private final HttpClient post;

	private final HttpClient get;

	ScimLoadClient(int port, String token, int maxConnections) {
		this.pool = ConnectionProvider.builder("scim-bench")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofSeconds(30))
			.build();
		HttpClient base = HttpClient.create(pool)
			.baseUrl("http://127.0.0.1:" + port)
			.keepAlive(true)
			.compress(false)
			.responseTimeout(RESPONSE_TIMEOUT)
			.headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token).set(HttpHeaderNames.ACCEPT, SCIM_JSON));
		this.post = base.headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, SCIM_JSON));
		this.get = base;
	}

	/** POST /scim/v2/Users; null when answered 201, else the failure. */
	CompletableFuture<String> createUser(byte[] body) {
		return post.post()
			.uri("/scim/v2/Users")
			.send(Mono.fromSupplier(() -> (ByteBuf) Unpooled.wrappedBuffer(body)))
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map(text -> response.status().code() == 201 ? OK : failure(response.status().code(), text)))
			.toFuture()
			.thenApply(ScimLoadClient::nullIfOk);
	}

	/**
	 * GET /scim/v2/Users?filter=userName eq "..." for a user that exists; null when answered 200 with exactly that
	 * user, else the failure.
	 */
	CompletableFuture<String> findByUserName(String userName) {
		String filter = URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8).replace("+", "%20");
		return get.get()
			.uri("/scim/v2/Users?filter=" + filter)
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map(text -> {
					int status = response.status().code();
					if (status != 200) {
						return failure(status, text);
					}
					return text.contains("\"totalResults\":1") && text.contains(userName) ? OK
							: "200 without exactly the user asked for";
				}))
			.toFuture()
			.thenApply(ScimLoadClient::nullIfOk);
	}

	/** GET of any path (e.g. a page of the unfiltered list); null when answered 200. */
	CompletableFuture<String> get(String pathAndQuery) {
		return get.get()
			.uri(pathAndQuery)
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map(text -> response.status().code() == 200 ? OK : failure(response.status().code(), text)))
			.toFuture()
			.thenApply(ScimLoadClient::nullIfOk);
	}

	private static final String OK = "";

	private static String nullIfOk(String outcome) {
		return outcome.isEmpty() ? null : outcome;
	}

	private static String failure(int status, String body) {
		String detail = body.replaceAll("\\s+", " ");
		int at = detail.indexOf("\"detail\"");
		if (at >= 0) {
			detail = detail.substring(at, Math.min(detail.length(), at + 90));
		}
		else {
			detail = detail.substring(0, Math.min(detail.length(), 60));
		}
		// one reason per kind of failure, not per user
		detail = detail.replaceAll("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+", "<userName>")
			.replaceAll("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "<uuid>");
		return "HTTP " + status + " " + detail;
	}

	@Override
	public void close() {
		pool.disposeLater().block(Duration.ofSeconds(10));
	}

}
