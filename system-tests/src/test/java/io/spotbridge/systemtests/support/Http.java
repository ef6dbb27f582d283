package io.spotbridge.systemtests.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** Small HTTP helpers: plain requests with a timeout, and free local ports. */
public final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Set<Integer> HANDED_OUT = new HashSet<>();

	private Http() {
	}

	/** An answer: status and body. */
	public record Answer(int status, String body) {
	}

	public static Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Answer(-1, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static Answer get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	/** A port free on 127.0.0.1 now and not handed out before by this JVM. */
	public static synchronized int freePort() {
		for (int attempt = 0; attempt < 50; attempt++) {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				int port = socket.getLocalPort();
				if (HANDED_OUT.add(port)) {
					return port;
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("No free port", ex);
			}
		}
		throw new IllegalStateException("No free port");
	}

}
