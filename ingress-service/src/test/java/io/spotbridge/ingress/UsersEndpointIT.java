package io.spotbridge.ingress;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** The Users endpoint as Okta drives it: test credentials, import, create, update, deactivate, reactivate. */
@IngressIT
class UsersEndpointIT {

	@LocalServerPort
	int port;

	ScimClient okta;

	@BeforeEach
	void connect() {
		okta = ScimClient.of(port, IngressIT.SPOT_TOKEN);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> okta.get("/Users?startIndex=1&count=1").expectStatus().isOk());
	}

	@Test
	void createdUserIsReturnedAsSentWithIdMetaAndETag() {
		okta.post("/Users", ScimClient.oktaUser("Ada.Lovelace@Example.com", "Ada", "Lovelace"))
			.expectStatus().isCreated()
			.expectHeader().valueMatches("ETag", "W/\"1\"")
			.expectHeader().contentTypeCompatibleWith("application/scim+json")
			.expectBody()
			.jsonPath("$.id").isNotEmpty()
			.jsonPath("$.userName").isEqualTo("Ada.Lovelace@Example.com")
			.jsonPath("$.name.givenName").isEqualTo("Ada")
			.jsonPath("$.emails[0].value").isEqualTo("ada.lovelace@example.com")
			.jsonPath("$.active").isEqualTo(true)
			.jsonPath("$.schemas").value(hasItem("urn:ietf:params:scim:schemas:core:2.0:User"))
			.jsonPath("$.meta.resourceType").isEqualTo("User")
			.jsonPath("$.meta.version").isEqualTo("W/\"1\"")
			.jsonPath("$.meta.location").value(startsWith("http://localhost:" + port + "/scim/v2/Users/"))
			.jsonPath("$.password").doesNotExist()
			.jsonPath("$.groups").doesNotExist();
	}

	@Test
	void testApiCredentialsCallsGetListResponsesWithNumbers() {
		okta.get("/Users?startIndex=1&count=2").expectStatus().isOk().expectBody()
			.jsonPath("$.schemas[0]").isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse")
			.jsonPath("$.totalResults").isNumber()
			.jsonPath("$.startIndex").isEqualTo(1)
			.jsonPath("$.itemsPerPage").isNumber();
		okta.get("/Groups?startIndex=1&count=100").expectStatus().isOk().expectBody()
			.jsonPath("$.totalResults").isNumber()
			.jsonPath("$.Resources").isArray();
	}

	@Test
	void userNameFilterIsCaseInsensitiveAndEmptyWhenNothingMatches() {
		String id = okta.createUser("Case.Check@Example.com");

		okta.http().get().uri(java.net.URI.create("http://localhost:" + port
				+ "/scim/v2/Users?filter=userName%20eq%20%22CASE.CHECK@EXAMPLE.COM%22&startIndex=1&count=100"))
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.totalResults").isEqualTo(1)
			.jsonPath("$.Resources[0].id").isEqualTo(id)
			.jsonPath("$.Resources[0].userName").isEqualTo("Case.Check@Example.com");
		okta.http().get().uri(java.net.URI.create("http://localhost:" + port
				+ "/scim/v2/Users?filter=userName+eq+%22nobody@example.com%22")).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.totalResults").isEqualTo(0)
			.jsonPath("$.Resources").isEmpty();
	}

	@Test
	void otherFiltersWorkOnTheDocumentedAttributes() {
		String id = okta.createUser("filters.user@example.com");

		okta.get("/Users?filter=emails.value co \"filters.user\" and active eq true").expectStatus().isOk()
			.expectBody().jsonPath("$.Resources[*].id").value(hasItem(id));
		okta.get("/Users?filter=userName sw \"filters.\" or displayName eq \"nobody\"").expectStatus().isOk()
			.expectBody().jsonPath("$.Resources[*].id").value(hasItem(id));
		okta.get("/Users?filter=id eq \"" + id + "\"").expectStatus().isOk().expectBody()
			.jsonPath("$.totalResults").isEqualTo(1);
		okta.get("/Users?filter=externalId pr and userName ne \"x\"").expectStatus().isOk().expectBody()
			.jsonPath("$.Resources[*].id").value(hasItem(id));
	}

	@Test
	void importPagesAreStableAndCoverEveryUser() {
		IntStream.range(0, 7).forEach(i -> okta.createUser("import" + i + "@example.com"));
		byte[] all = okta.get("/Users?startIndex=1&count=1000").expectBody().returnResult().getResponseBody();
		var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(all);
		int total = json.path("totalResults").asInt();

		java.util.List<String> paged = new java.util.ArrayList<>();
		for (int start = 1; start <= total; start += 3) {
			var page = tools.jackson.databind.json.JsonMapper.builder().build()
				.readTree(okta.get("/Users?startIndex=" + start + "&count=3").expectBody().returnResult()
					.getResponseBody());
			page.path("Resources").forEach(r -> paged.add(r.path("id").asString()));
		}
		java.util.List<String> ids = new java.util.ArrayList<>();
		json.path("Resources").forEach(r -> ids.add(r.path("id").asString()));
		org.assertj.core.api.Assertions.assertThat(paged).isEqualTo(ids).hasSize(total);
	}

	@Test
	void duplicateUserNameInAnyCaseIsAConflict() {
		okta.createUser("twice@example.com");

		okta.post("/Users", ScimClient.oktaUser("TWICE@example.com", "T", "W")).expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.scimType").isEqualTo("uniqueness")
			.jsonPath("$.status").isEqualTo("409")
			.jsonPath("$.schemas[0]").isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
	}

	/** Creates take no per-key turn (a fresh id cannot be contended): the userName reservation alone keeps it unique. */
	@Test
	void concurrentCreatesOfOneUserNameInAnyCaseCreateExactlyOne() {
		java.util.List<Integer> statuses = reactor.core.publisher.Flux.range(0, 16)
			.parallel(16)
			.runOn(reactor.core.scheduler.Schedulers.boundedElastic())
			.map(i -> okta.post("/Users", ScimClient.oktaUser(i % 2 == 0 ? "racer@example.com" : "RACER@example.com",
					"R", "Acer")).returnResult(byte[].class).getStatus().value())
			.sequential()
			.collectList()
			.block(Duration.ofSeconds(60));

		org.assertj.core.api.Assertions.assertThat(statuses).hasSize(16)
			.containsOnly(201, 409)
			.filteredOn(status -> status == 201).hasSize(1);
		okta.http().get().uri(java.net.URI.create("http://localhost:" + port
				+ "/scim/v2/Users?filter=userName%20eq%20%22racer@example.com%22")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.totalResults").isEqualTo(1);
	}

	@Test
	void putToleratesReadOnlyAttributesAndPasswordAndDeactivates() {
		String id = okta.createUser("put.user@example.com");

		okta.put("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s","userName":"put.user@example.com",
				 "name":{"givenName":"Changed","familyName":"User"},"emails":[{"primary":true,"value":"put.user@example.com"}],
				 "password":"secret-pw","groups":[{"value":"g1"}],"meta":{"resourceType":"User","version":"W/\\"1\\""},
				 "active":false}""".formatted(id))
			.expectStatus().isOk().expectBody()
			.jsonPath("$.name.givenName").isEqualTo("Changed")
			.jsonPath("$.active").isEqualTo(false)
			.jsonPath("$.id").isEqualTo(id)
			.jsonPath("$.meta.version").isEqualTo("W/\"2\"")
			.jsonPath("$.password").doesNotExist();
	}

	@Test
	void pathlessPatchDeactivatesAndReactivatesTheSameUser() {
		String id = okta.createUser("grace@example.com");

		okta.patch("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"replace","value":{"active":false}}]}""")
			.expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false)
			.jsonPath("$.meta.version").isEqualTo("W/\"2\"");
		okta.patch("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"Replace","value":{"active":"True"}}]}""")
			.expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true).jsonPath("$.id").isEqualTo(id);
		okta.patch("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"replace","path":"active","value":"False"}]}""")
			.expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
	}

	@Test
	void unchangedPutPublishesNothingAndKeepsTheVersion() {
		String id = okta.createUser("same.again@example.com");
		byte[] current = okta.get("/Users/" + id).expectBody().returnResult().getResponseBody();

		okta.put("/Users/" + id, new String(current, java.nio.charset.StandardCharsets.UTF_8)).expectStatus().isOk()
			.expectBody().jsonPath("$.meta.version").isEqualTo("W/\"1\"");
	}

	@Test
	void roleIsAcceptedInEveryDialectAndReturnedAsSent() {
		okta.post("/Users", """
				{"userName":"roles.user@example.com","name":{"givenName":"R","familyName":"U"},
				 "roles":[{"type":"Editor","value":"Editor"}]}""")
			.expectStatus().isCreated().expectBody()
			.jsonPath("$.roles[0].value").isEqualTo("Editor").jsonPath("$.roles[0].type").isEqualTo("Editor");
		okta.post("/Users", "{\"userName\":\"role.user@example.com\",\"role\":\"Viewer\"}")
			.expectStatus().isCreated().expectBody().jsonPath("$.role").isEqualTo("Viewer");
		okta.post("/Users", """
				{"userName":"ext.user@example.com",
				 "urn:ietf:params:scim:schemas:extension:spot:2.0:User":{"role":"Editor"}}""")
			.expectStatus().isCreated().expectBody()
			.jsonPath("$['urn:ietf:params:scim:schemas:extension:spot:2.0:User'].role").isEqualTo("Editor");
	}

	@Test
	void staleIfMatchIsRejectedWith412() {
		String id = okta.createUser("etag.user@example.com");
		okta.patch("/Users/" + id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}")
			.expectStatus().isOk();

		okta.http().patch().uri("/Users/" + id).header("If-Match", "W/\"1\"")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue("{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"y\"}]}")
			.exchange().expectStatus().isEqualTo(412);
		okta.http().patch().uri("/Users/" + id).header("If-Match", "W/\"2\"")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue("{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"y\"}]}")
			.exchange().expectStatus().isOk();
	}

	@Test
	void deletedUserIsGoneAndUnknownIdsAre404() {
		String id = okta.createUser("delete.me@example.com");

		okta.delete("/Users/" + id).expectStatus().isNoContent();

		okta.get("/Users/" + id).expectStatus().isNotFound();
		okta.get("/Users/010101001010101011001010101011").expectStatus().isNotFound().expectBody()
			.jsonPath("$.status").isEqualTo("404").jsonPath("$.detail").isNotEmpty();
		okta.put("/Users/does-not-exist", ScimClient.oktaUser("x@example.com", "x", "y")).expectStatus().isNotFound();
		okta.patch("/Users/does-not-exist", "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}")
			.expectStatus().isNotFound();
		okta.delete("/Users/does-not-exist").expectStatus().isNotFound();
	}

}
