package io.spotbridge.ingress.okta;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.spotbridge.ingress.IngressApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Okta's published SCIM 2.0 SPEC suites (Runscope exports, read in place from {@code ../shared/okta-tests}),
 * executed by {@link RunscopeSuiteRunner} against the running ingress with an embedded Kafka. Every assertion of
 * every step must pass; a failure prints the whole report.
 */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "bridge.spot-token=okta-spec-token",
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}" })
@EmbeddedKafka(partitions = 3)
class OktaSpecSuitesIT {

	private static final String TOKEN = "okta-spec-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@BeforeAll
	static void suitesArePresent() {
		assumeTrue(OktaSuites.directory().isPresent(), OktaSuites.ABSENT);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { OktaSuites.SPEC_2024, OktaSuites.SPEC_2023 })
	void oktaSpecSuitePasses(String suiteFile) throws Exception {
		Path suite = OktaSuites.suite(suiteFile).orElse(null);
		assumeTrue(suite != null, OktaSuites.ABSENT);
		String base = "http://localhost:" + this.port + "/scim/v2";

		awaitScimReady(base);
		seedUser(base);
		warmUpGroups(base);

		SuiteReport report = new RunscopeSuiteRunner().run(suite, Map.of("SCIMBaseURL", base,
				"auth", "Bearer " + TOKEN));

		System.out.println(report);
		if (!report.passed()) {
			fail(report.toString());
		}
	}

	/** The suites start by reading users: wait until the SCIM endpoint answers. */
	private void awaitScimReady(String base) {
		await("GET /scim/v2/Users answers 200 with the okta-spec-token").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250)).ignoreExceptions()
			.until(() -> send("GET", base + "/Users", null).statusCode() == 200);
	}

	/** Step 1 of both suites reads Resources[0] of the user list: one complete user must exist. */
	private void seedUser(String base) throws IOException, InterruptedException {
		String userName = "okta.seed." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		ObjectNode user = JsonNodeFactory.instance.objectNode();
		user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
		user.put("userName", userName);
		user.putObject("name").put("givenName", "Okta").put("familyName", "Seed");
		user.putArray("emails").addObject().put("primary", true).put("value", userName).put("type", "work");
		user.put("displayName", "Okta Seed");
		user.put("externalId", "00u" + UUID.randomUUID().toString().replace("-", "").substring(0, 17));
		user.putArray("groups");
		user.put("active", true);
		HttpResponse<String> created = send("POST", base + "/Users", JSON.writeValueAsString(user));
		assertThat(created.statusCode()).as("seed user POST /Users answered %s", created.body()).isEqualTo(201);
	}

	/**
	 * The group steps also assert a response time under 600 ms: take the first-use costs (lazy initialisation,
	 * the first Kafka send of group events) before the suite runs.
	 */
	private void warmUpGroups(String base) throws IOException, InterruptedException {
		send("GET", base + "/Groups", null);
		ObjectNode group = JsonNodeFactory.instance.objectNode();
		group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
		group.put("displayName", "okta-warm-up-" + UUID.randomUUID());
		group.putArray("members");
		HttpResponse<String> created = send("POST", base + "/Groups", JSON.writeValueAsString(group));
		if (created.statusCode() == 201) {
			String id = JSON.readTree(created.body()).path("id").asString("");
			if (!id.isEmpty()) {
				send("DELETE", base + "/Groups/" + id, null);
			}
		}
		send("GET", base + "/Groups", null);
	}

	private HttpResponse<String> send(String method, String url, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Accept", "application/scim+json");
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/scim+json; charset=utf-8")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
