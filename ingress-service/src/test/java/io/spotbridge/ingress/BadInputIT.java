package io.spotbridge.ingress;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a SCIM Error with a 4xx, is never published, and never takes the service down. */
@IngressIT
class BadInputIT {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaBroker kafka;

	ScimClient okta;

	long recordsBefore;

	@BeforeEach
	void connect() {
		okta = ScimClient.of(port, IngressIT.SPOT_TOKEN);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> okta.get("/Users").expectStatus().isOk());
		recordsBefore = TopicProbe.count(kafka.getBrokersAsString(), "scim.user-events");
	}

	private void nothingWasPublished() {
		assertThat(TopicProbe.count(kafka.getBrokersAsString(), "scim.user-events")).isEqualTo(recordsBefore);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{not json", "[1,2]", "\"a string\"", "", "{\"userName\":42}", "{\"name\":{}}",
			"{\"userName\":\"\"}", "{\"userName\":\"a@b.c\",\"active\":\"maybe\"}",
			"{\"userName\":\"a@b.c\",\"emails\":\"a@b.c\"}", "{\"userName\":\"a@b.c\",\"name\":\"Ada\"}",
			"{\"userName\":\"a@b.c\",\"roles\":\"Editor\"}" })
	void malformedOrMistypedUsersAre400AndNotPublished(String body) {
		okta.http().post().uri("/Users").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith("application/scim+json")
			.expectBody()
			.jsonPath("$.schemas[0]").isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error")
			.jsonPath("$.status").isEqualTo("400")
			.jsonPath("$.detail").isNotEmpty();
		nothingWasPublished();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nickName eq \"x\"", "userName eq", "userName zz \"x\"", "(userName eq \"x\"",
			"password eq \"x\"" })
	void unknownFilterAttributesAndBadSyntaxAre400InvalidFilter(String filter) {
		okta.http().get().uri(b -> b.path("/Users").queryParam("filter", "{f}").build(filter)).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.scimType").isEqualTo("invalidFilter");
	}

	@Test
	void badPatchPathsAndOperationsAre400() {
		String id = okta.createUser("patch.target@example.com");
		recordsBefore = TopicProbe.count(kafka.getBrokersAsString(), "scim.user-events");

		okta.patch("/Users/" + id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"noSuchAttribute\",\"value\":1}]}")
			.expectStatus().isBadRequest().expectBody().jsonPath("$.scimType").isEqualTo("invalidPath");
		okta.patch("/Users/" + id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"name[[\",\"value\":1}]}")
			.expectStatus().isBadRequest();
		okta.patch("/Users/" + id, "{\"Operations\":[{\"op\":\"explode\",\"path\":\"active\",\"value\":true}]}")
			.expectStatus().isBadRequest();
		okta.patch("/Users/" + id, "{\"Operations\":[]}").expectStatus().isBadRequest();
		okta.patch("/Users/" + id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]}")
			.expectStatus().isBadRequest();
		okta.patch("/Users/" + id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"\"}]}")
			.expectStatus().isBadRequest();
		nothingWasPublished();
	}

	/** Rejected before the body is read: sent on a connection of its own, which the server closes afterwards. */
	private java.net.http.HttpResponse<String> postOnOwnConnection(String contentType, String body) throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		{
			var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
					+ "/scim/v2/Users"))
				.header("Authorization", "Bearer " + IngressIT.SPOT_TOKEN)
				.header("Content-Type", contentType)
				.timeout(Duration.ofSeconds(30))
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
				.build();
			return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
		}
	}

	@Test
	void oversizedBodiesAre413() throws Exception {
		String huge = "{\"userName\":\"big@example.com\",\"displayName\":\"" + "x".repeat(400_000) + "\"}";

		var response = postOnOwnConnection("application/scim+json", huge);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("\"status\":\"413\"");
		nothingWasPublished();
	}

	@Test
	void unsupportedMediaTypesAre415() throws Exception {
		var xml = postOnOwnConnection("application/xml", "<user/>");
		var text = postOnOwnConnection("text/plain", "userName=x");

		assertThat(xml.statusCode()).isEqualTo(415);
		assertThat(xml.body()).contains("\"status\":\"415\"");
		assertThat(text.statusCode()).isEqualTo(415);
		nothingWasPublished();
	}

	@Test
	void badPaginationIs400AndOutOfRangeIsClamped() {
		okta.get("/Users?startIndex=abc").expectStatus().isBadRequest();
		okta.get("/Users?startIndex=-5&count=-1").expectStatus().isOk().expectBody()
			.jsonPath("$.startIndex").isEqualTo(1).jsonPath("$.itemsPerPage").isEqualTo(0);
	}

	@Test
	void unknownEndpointsAnswerScimErrors() {
		okta.get("/Nope").expectStatus().isNotFound().expectBody().jsonPath("$.status").isEqualTo("404");
		okta.http().delete().uri("/Users").exchange().expectStatus().isEqualTo(405);
	}

	@Test
	void theServiceKeepsAnsweringAfterAllOfIt() {
		okta.get("/Users?count=1").expectStatus().isOk();
	}

}
