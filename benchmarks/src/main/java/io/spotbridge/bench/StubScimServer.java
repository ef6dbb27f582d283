package io.spotbridge.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A do-nothing SCIM server in this JVM that answers every POST with a canned 201 User of realistic size. Driving it with
 * the load client measures what the client alone can push (a lower bound: the stub shares this JVM's cores), so the
 * report can show the client was not the bottleneck of the ingress numbers.
 */
final class StubScimServer implements AutoCloseable {

	private final DisposableServer server;

	StubScimServer(byte[] cannedResponse) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive()
				.aggregate()
				.asByteArray()
				.defaultIfEmpty(new byte[0])
				.flatMap(body -> response.status(HttpResponseStatus.CREATED)
					.header(HttpHeaderNames.CONTENT_TYPE, ScimLoadClient.SCIM_JSON)
					.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(cannedResponse.length))
					.sendByteArray(Mono.just(cannedResponse))
					.then()))
			.bindNow(Duration.ofSeconds(10));
	}

	static byte[] typicalUserResponse(String userName) {
		String json = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"0190d2a4-6c1e-7b3a-9f2e-"
				+ "3c4d5e6f7a8b\",\"name\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"},\"emails\":[{\"primary\":"
				+ "true,\"value\":\"" + userName + "\",\"type\":\"work\"}],\"displayName\":\"Ada Lovelace\",\"locale\":"
				+ "\"en-US\",\"externalId\":\"00u0000000000000001\",\"roles\":[{\"value\":\"Member\",\"primary\":true}],"
				+ "\"userName\":\"" + userName + "\",\"active\":true,\"meta\":{\"resourceType\":\"User\",\"created\":"
				+ "\"2026-01-01T00:00:00Z\",\"lastModified\":\"2026-01-01T00:00:00Z\",\"version\":\"W/\\\"1\\\"\","
				+ "\"location\":\"http://127.0.0.1/scim/v2/Users/0190d2a4-6c1e-7b3a-9f2e-3c4d5e6f7a8b\"}}";
		return json.getBytes(StandardCharsets.UTF_8);
	}

	int port() {
		return server.port();
	}

	@Override
	public void close() {
		server.disposeNow(Duration.ofSeconds(5));
	}

}
