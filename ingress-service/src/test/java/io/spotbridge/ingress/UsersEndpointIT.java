package io.spotbridge.ingress;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@IngressIT
class UsersEndpointIT {

	@LocalServerPort
	int port;

	ScimClient okta;

	@BeforeEach
	void connect() {
		okta = ScimClient.of(port, IngressIT.SPOT_TOKEN);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(
				() -> okta.get("/Users?startIndex=1&count=1").expectStatus().isOk());
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
	}

}
