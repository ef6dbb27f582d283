package io.spotbridge.ingress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Okta keeps its connection to the SCIM server open and sends the next call as soon as it has the previous answer.
 * Every call on such a connection must be answered — in particular the mix Okta makes all the time: a write (answered
 * once Kafka acknowledged, off the event loop) followed by reads (answered on the event loop at once).
 *
 * <p>
 * Reactor Netty 1.3.6 stopped reading such a connection now and then (reactor/reactor-netty#4361): the call after a
 * read that had been queued behind the write's still-terminating exchange was never read, and its caller waited until
 * it gave up. Against that version 13 calls of this test went unanswered in one run of its 600 rounds.
 */
@IngressIT
class KeepAliveIT {

	private static final int ROUNDS = 600;

	/**
	 * Far above any answer time, even on a busy shared machine (the other tests allow writes 20 s too): a call that is
	 * never read would wait forever, so any bound finds it.
	 */
	private static final Duration UNANSWERED = Duration.ofSeconds(20);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	/** One client, HTTP/1.1, sequential calls: they all travel over the same kept-alive connection. */
	private final HttpClient okta = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void everyCallOnAKeptAliveConnectionIsAnswered() throws Exception {
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
			.until(() -> call("GET", "/Users?count=1", null).statusCode() == 200);

		List<String> unanswered = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			String userName = "keepalive." + round + "@example.com";
			HttpResponse<String> created = callOrNote(unanswered, round, "POST", "/Users",
					ScimClient.oktaUser(userName, "Keep", "Alive"));
			if (created == null) {
				continue;
			}
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			String id = JSON.readTree(created.body()).path("id").asString();
			callOrNote(unanswered, round, "GET", "/Users?filter=userName%20eq%20%22" + userName + "%22", null);
			callOrNote(unanswered, round, "GET", "/Users/" + id, null);
		}

		assertThat(unanswered).as("calls that got no answer within %s", UNANSWERED).isEmpty();
	}

	private HttpResponse<String> callOrNote(List<String> unanswered, int round, String method, String path,
			String body) throws Exception {
		try {
			HttpResponse<String> response = call(method, path, body);
			assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isLessThan(300);
			return response;
		}
		catch (HttpTimeoutException ex) {
			unanswered.add("round " + round + ": " + method + " " + path);
			return null;
		}
	}

	private HttpResponse<String> call(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scim/v2" + path))
			.timeout(UNANSWERED)
			.header("Authorization", "Bearer " + IngressIT.SPOT_TOKEN)
			.header("Accept", "application/scim+json");
		if (body == null) {
			request.GET();
		}
		else {
			request.header("Content-Type", "application/scim+json; charset=utf-8")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		return okta.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
