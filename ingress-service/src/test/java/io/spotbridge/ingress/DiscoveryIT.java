package io.spotbridge.ingress;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@IngressIT
class DiscoveryIT {

	@LocalServerPort
	int port;

	ScimClient okta;

	@BeforeEach
	void connect() {
		okta = ScimClient.of(port, IngressIT.SPOT_TOKEN);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> okta.get("/ServiceProviderConfig").expectStatus().isOk());
	}

	@Test
	void serviceProviderConfigAdvertisesPatchFilterAndEtag() {
		okta.get("/ServiceProviderConfig").expectStatus().isOk().expectBody()
			.jsonPath("$.patch.supported").isEqualTo(true)
			.jsonPath("$.filter.supported").isEqualTo(true)
			.jsonPath("$.filter.maxResults").isEqualTo(1000)
			.jsonPath("$.etag.supported").isEqualTo(true)
			.jsonPath("$.bulk.supported").isEqualTo(false)
			.jsonPath("$.authenticationSchemes[0].type").isEqualTo("oauthbearertoken");
	}

	@Test
	void resourceTypesNameTheSpotRoleExtension() {
		okta.get("/ResourceTypes").expectStatus().isOk().expectBody()
			.jsonPath("$.Resources[*].name").value(hasItems("User", "Group"))
			.jsonPath("$.Resources[0].schemaExtensions[0].schema")
			.isEqualTo("urn:ietf:params:scim:schemas:extension:spot:2.0:User");
		okta.get("/ResourceTypes/User").expectStatus().isOk().expectBody().jsonPath("$.endpoint").isEqualTo("/Users");
	}

	@Test
	void schemasDescribeUserGroupAndTheRoleExtension() {
		okta.get("/Schemas").expectStatus().isOk().expectBody()
			.jsonPath("$.Resources[*].id").value(hasItems("urn:ietf:params:scim:schemas:core:2.0:User",
					"urn:ietf:params:scim:schemas:core:2.0:Group",
					"urn:ietf:params:scim:schemas:extension:spot:2.0:User"));
		okta.get("/Schemas/urn:ietf:params:scim:schemas:extension:spot:2.0:User").expectStatus().isOk().expectBody()
			.jsonPath("$.attributes[0].name").isEqualTo("role")
			.jsonPath("$.attributes[0].canonicalValues").value(hasItem("Editor"));
		okta.get("/Schemas/urn:nope").expectStatus().isNotFound();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/ServiceProviderConfig", "/ResourceTypes", "/Schemas" })
	void discoveryIsReadOnly(String path) {
		okta.post(path, "{}").expectStatus().isEqualTo(405).expectBody().jsonPath("$.status").isEqualTo("405")
			.jsonPath("$.schemas[0]").isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
	}

}
