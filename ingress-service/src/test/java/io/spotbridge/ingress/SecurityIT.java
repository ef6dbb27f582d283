package io.spotbridge.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens authenticate tenants; tenants never see each other; secrets never reach Kafka or the logs. */
@IngressIT
@ExtendWith(OutputCaptureExtension.class)
class SecurityIT {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaBroker kafka;

	ScimClient okta;

	@BeforeEach
	void connect() {
		okta = ScimClient.of(port, IngressIT.SPOT_TOKEN);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> okta.get("/Users").expectStatus().isOk());
	}

	private WebTestClient raw() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/scim/v2").build();
	}

	@Test
	void missingOrWrongTokensAre401WithAScimErrorAndChallenge() {
		raw().get().uri("/Users").exchange().expectStatus().isUnauthorized()
			.expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
			.expectBody().jsonPath("$.status").isEqualTo("401").jsonPath("$.detail").isNotEmpty()
			.jsonPath("$.schemas[0]").isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
		raw().get().uri("/Users").header(HttpHeaders.AUTHORIZATION, "Bearer not-the-token").exchange()
			.expectStatus().isUnauthorized();
		raw().get().uri("/Users").header(HttpHeaders.AUTHORIZATION, "non-token").exchange()
			.expectStatus().isUnauthorized();
		raw().post().uri("/Users").header(HttpHeaders.AUTHORIZATION, "Bearer nope")
			.header(HttpHeaders.CONTENT_TYPE, "application/scim+json")
			.bodyValue(ScimClient.oktaUser("intruder@example.com", "I", "N")).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aBareTokenIsAcceptedAsOktaCustomHeadersSendIt() {
		raw().get().uri("/Users").header(HttpHeaders.AUTHORIZATION, IngressIT.SPOT_TOKEN).exchange()
			.expectStatus().isOk();
	}

	@Test
	void bothTokensOfATenantWorkDuringRotation() {
		ScimClient.of(port, IngressIT.ACME_TOKEN).get("/Users").expectStatus().isOk();
		ScimClient.of(port, IngressIT.ACME_TOKEN_2).get("/Users").expectStatus().isOk();
	}

	@Test
	void aTenantNeverReadsOrWritesAnotherTenantsUsers() {
		ScimClient acme = ScimClient.of(port, IngressIT.ACME_TOKEN);
		String acmeUser = acme.createUser("shared.name@example.com");

		okta.get("/Users/" + acmeUser).expectStatus().isNotFound();
		okta.get("/Users?filter=userName eq \"shared.name@example.com\"").expectBody().jsonPath("$.totalResults")
			.isEqualTo(0);
		okta.put("/Users/" + acmeUser, ScimClient.oktaUser("shared.name@example.com", "X", "Y"))
			.expectStatus().isNotFound();
		okta.patch("/Users/" + acmeUser, "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}")
			.expectStatus().isNotFound();
		okta.delete("/Users/" + acmeUser).expectStatus().isNotFound();
		okta.get("/Users?count=1000").expectBody(String.class).value(body -> assertThat(body).doesNotContain(acmeUser));

		okta.post("/Users", ScimClient.oktaUser("shared.name@example.com", "Same", "Name")).expectStatus().isCreated();
		acme.get("/Users/" + acmeUser).expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true);
	}

	@Test
	void passwordsAndTokensNeverReachKafkaOrTheLogs(CapturedOutput output) {
		String password = "Sup3r-S3cret-Passw0rd";
		okta.post("/Users", ScimClient.oktaUser("secretive@example.com", "S", "C").replace("1mz050nq", password))
			.expectStatus().isCreated().expectBody(String.class)
			.value(body -> assertThat(body).doesNotContain(password));
		String id = okta.get("/Users?filter=userName eq \"secretive@example.com\"").expectBody(String.class)
			.returnResult().getResponseBody().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
		okta.put("/Users/" + id, ScimClient.oktaUser("secretive@example.com", "S", "C").replace("1mz050nq", password))
			.expectStatus().isOk();
		raw().get().uri("/Users").header(HttpHeaders.AUTHORIZATION, "Bearer wrong-token-XYZ").exchange()
			.expectStatus().isUnauthorized();

		String topic = TopicProbe.valuesAsText(TopicProbe.readAll(kafka.getBrokersAsString(), "scim.user-events"));
		assertThat(topic).contains("secretive@example.com")
			.doesNotContain(password)
			.doesNotContain(IngressIT.SPOT_TOKEN)
			.doesNotContain(IngressIT.ACME_TOKEN)
			.doesNotContain("\"password\"");
		assertThat(output.getAll()).doesNotContain(password)
			.doesNotContain(IngressIT.SPOT_TOKEN)
			.doesNotContain("wrong-token-XYZ");
		assertThat(new String(TopicProbe.readAll(kafka.getBrokersAsString(), "scim.user-events").get(0).value(), StandardCharsets.UTF_8))
			.contains("schemaVersion");
	}

}
