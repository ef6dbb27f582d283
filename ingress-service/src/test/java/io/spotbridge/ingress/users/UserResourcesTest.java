package io.spotbridge.ingress.users;

import java.time.Instant;

import io.spotbridge.ingress.directory.UserEntry;
import io.spotbridge.ingress.scim.ScimJson;
import io.spotbridge.ingress.scim.ScimPatch;
import io.spotbridge.ingress.scim.ScimProblem;
import io.spotbridge.model.UserSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserResourcesTest {

	static final Instant CREATED = Instant.parse("2026-01-10T09:00:00Z");

	static final Instant NOW = Instant.parse("2026-02-20T12:30:00Z");

	static final String BASE_URL = "https://bridge.example/scim/v2";

	static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

	/** The body Okta POSTs on assignment (docs/okta-scim.md). */
	static final String OKTA_USER = """
			{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Test.User@Okta.local",
			 "name":{"givenName":"Test","familyName":"User"},
			 "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],"displayName":"Test User",
			 "locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],"password":"1mz050nq","active":true}""";

	static UserSnapshot snapshot(String json) {
		return UserResources.toSnapshot(ScimJson.parseObject(json), "u1", CREATED, NOW);
	}

	static ObjectNode resource(UserSnapshot user, long version) {
		return UserResources.toResource(new UserEntry(user, version), BASE_URL);
	}

	static void assertInvalidValue(String json, String attribute) {
		assertThatThrownBy(() -> snapshot(json)).isInstanceOfSatisfying(ScimProblem.class, problem -> {
			assertThat(problem.status()).isEqualTo(400);
			assertThat(problem.scimType()).contains("invalidValue");
			assertThat(problem.getMessage()).contains(attribute);
		});
	}

	@Test
	void oktasCreateBodyMapsToTheTypedFields() {
		UserSnapshot user = snapshot(OKTA_USER);

		assertThat(user.id()).isEqualTo("u1");
		assertThat(user.userName()).isEqualTo("Test.User@Okta.local");
		assertThat(user.externalId()).isEqualTo("00ujl29u0le5T6Aj10h7");
		assertThat(user.givenName()).isEqualTo("Test");
		assertThat(user.familyName()).isEqualTo("User");
		assertThat(user.displayName()).isEqualTo("Test User");
		assertThat(user.email()).isEqualTo("test.user@okta.local");
		assertThat(user.active()).isTrue();
		assertThat(user.role()).isNull();
		assertThat(user.created()).isEqualTo(CREATED);
		assertThat(user.lastModified()).isEqualTo(NOW);
	}

	@Test
	void passwordIdMetaAndGroupsAreNotKept() {
		UserSnapshot user = snapshot("""
				{"userName":"ada","password":"secret-1","id":"client-chosen","meta":{"version":"W/\\"9\\""},
				 "groups":[{"value":"g1"}],"locale":"en-GB"}""");

		ObjectNode attributes = ScimJson.parseObject(user.attributes().json());
		assertThat(attributes.propertyNames()).containsExactlyInAnyOrder("userName", "locale");
		assertThat(user.attributes().json()).doesNotContain("secret-1");
		assertThat(user.id()).isEqualTo("u1");
	}

	@Test
	void readOnlyAndSecretAttributesAreDroppedWhateverTheirCase() {
		UserSnapshot user = snapshot("{\"userName\":\"ada\",\"Password\":\"secret-1\",\"META\":{},\"Groups\":[]}");

		assertThat(ScimJson.parseObject(user.attributes().json()).propertyNames()).containsExactly("userName");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"userName\":\"\"}", "{\"userName\":\"   \"}", "{\"userName\":null}" })
	void aMissingOrBlankUserNameIsAnInvalidValue(String json) {
		assertInvalidValue(json, "userName");
	}

	@Test
	void attributesOfTheWrongTypeAreInvalidValues() {
		assertInvalidValue("{\"userName\":42}", "userName");
		assertInvalidValue("{\"userName\":\"ada\",\"active\":\"maybe\"}", "active");
		assertInvalidValue("{\"userName\":\"ada\",\"active\":1}", "active");
		assertInvalidValue("{\"userName\":\"ada\",\"emails\":\"ada@example.com\"}", "emails");
		assertInvalidValue("{\"userName\":\"ada\",\"emails\":[\"ada@example.com\"]}", "emails");
		assertInvalidValue("{\"userName\":\"ada\",\"emails\":[{\"value\":7}]}", "emails.value");
		assertInvalidValue("{\"userName\":\"ada\",\"name\":\"Ada Lovelace\"}", "name");
		assertInvalidValue("{\"userName\":\"ada\",\"name\":{\"givenName\":[\"Ada\"]}}", "name.givenName");
		assertInvalidValue("{\"userName\":\"ada\",\"externalId\":123}", "externalId");
		assertInvalidValue("{\"userName\":\"ada\",\"roles\":\"Editor\"}", "roles");
	}

	@Test
	void attributeNamesAreReadCaseInsensitively() {
		UserSnapshot user = snapshot("{\"USERNAME\":\"ada\",\"Active\":false,\"NAME\":{\"GivenName\":\"Ada\"}}");

		assertThat(user.userName()).isEqualTo("ada");
		assertThat(user.active()).isFalse();
		assertThat(user.givenName()).isEqualTo("Ada");
	}

	@Test
	void aUserIsActiveUnlessToldOtherwise() {
		assertThat(snapshot("{\"userName\":\"ada\"}").active()).isTrue();
		assertThat(snapshot("{\"userName\":\"ada\",\"active\":false}").active()).isFalse();
	}

	@Test
	void activeMayBeSentAsAStringInAnyCase() {
		assertThat(snapshot("{\"userName\":\"ada\",\"active\":\"False\"}").active()).isFalse();
		assertThat(snapshot("{\"userName\":\"ada\",\"active\":\"TRUE\"}").active()).isTrue();
	}

	@Test
	void thePrimaryEmailIsChosen() {
		UserSnapshot user = snapshot("""
				{"userName":"ada","emails":[{"value":"home@example.com","type":"home"},
				 {"value":"work@example.com","type":"work","primary":true}]}""");

		assertThat(user.email()).isEqualTo("work@example.com");
	}

	@Test
	void withoutAPrimaryEmailTheFirstIsChosen() {
		UserSnapshot user = snapshot("""
				{"userName":"ada","emails":[{"value":"first@example.com"},{"value":"second@example.com","primary":false}]}""");

		assertThat(user.email()).isEqualTo("first@example.com");
	}

	@Test
	void withoutEmailsThereIsNoEmail() {
		assertThat(snapshot("{\"userName\":\"ada\",\"emails\":[]}").primaryEmail()).isEmpty();
		assertThat(snapshot("{\"userName\":\"ada\"}").primaryEmail()).isEmpty();
	}

	@Test
	void thePrimaryRoleWins() {
		UserSnapshot user = snapshot("""
				{"userName":"ada","roles":[{"value":"Viewer"},{"primary":true,"value":"Editor"}]}""");

		assertThat(user.role()).isEqualTo("Editor");
	}

	@Test
	void withoutAPrimaryRoleTheFirstWins() {
		UserSnapshot user = snapshot("""
				{"userName":"ada","roles":[{"value":"Viewer"},{"value":"Editor","primary":false}]}""");

		assertThat(user.role()).isEqualTo("Viewer");
	}

	@Test
	void aRoleSentWithTypeAndValueIsReadAndEchoedBackAsSent() {
		UserSnapshot user = snapshot("{\"userName\":\"ada\",\"roles\":[{\"type\":\"Editor\",\"value\":\"Editor\"}]}");

		assertThat(user.role()).isEqualTo("Editor");
		ObjectNode role = (ObjectNode) resource(user, 1).get("roles").get(0);
		assertThat(role).isEqualTo(ScimJson.parseObject("{\"type\":\"Editor\",\"value\":\"Editor\"}"));
	}

	@Test
	void theRoleMayBeATopLevelAttribute() {
		assertThat(snapshot("{\"userName\":\"ada\",\"role\":\"Editor\"}").role()).isEqualTo("Editor");
	}

	@Test
	void theRoleMayComeFromAnyUserExtension() {
		UserSnapshot user = snapshot("""
				{"userName":"ada","urn:ietf:params:scim:schemas:extension:acme:2.0:User":{"role":"Editor"}}""");

		assertThat(user.role()).isEqualTo("Editor");
	}

	@Test
	void rolesTakePrecedenceOverTheOtherPlacesARoleMayBe() {
		UserSnapshot user = snapshot("""
				{"userName":"ada","roles":[{"value":"Viewer"}],"role":"Editor",
				 "urn:ietf:params:scim:schemas:extension:acme:2.0:User":{"role":"Editor"}}""");

		assertThat(user.role()).isEqualTo("Viewer");
	}

	@Test
	void withoutARoleThereIsNoRole() {
		assertThat(snapshot("{\"userName\":\"ada\",\"roles\":[]}").roleName()).isEmpty();
	}

	@Test
	void theResourceCarriesTheUserNameInItsOriginalCase() {
		ObjectNode resource = resource(snapshot(OKTA_USER), 1);

		assertThat(resource.get("userName").asString()).isEqualTo("Test.User@Okta.local");
		assertThat(resource.get("id").asString()).isEqualTo("u1");
	}

	@Test
	void theResourceCarriesActiveAsAJsonBooleanEvenWhenItWasSentAsAString() {
		ObjectNode resource = resource(snapshot("{\"userName\":\"ada\",\"active\":\"False\"}"), 1);

		assertThat(resource.get("active").isBoolean()).isTrue();
		assertThat(resource.get("active").asBoolean()).isFalse();
	}

	@Test
	void theResourceListsTheCoreUserSchemaOnce() {
		assertThat(resource(snapshot("{\"userName\":\"ada\"}"), 1).get("schemas").valueStream().map(s -> s.asString()))
			.containsExactly(CORE_USER);
		assertThat(resource(snapshot(OKTA_USER), 1).get("schemas").valueStream().map(s -> s.asString()))
			.containsExactly(CORE_USER);
	}

	@Test
	void theResourceListsTheExtensionSchemasItCarries() {
		UserSnapshot user = snapshot("""
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada",
				 "urn:ietf:params:scim:schemas:extension:acme:2.0:User":{"role":"Editor"}}""");

		ObjectNode resource = resource(user, 1);

		assertThat(resource.get("schemas").valueStream().map(s -> s.asString())).containsExactly(CORE_USER,
				"urn:ietf:params:scim:schemas:extension:acme:2.0:User");
		assertThat(resource.get("urn:ietf:params:scim:schemas:extension:acme:2.0:User").get("role").asString())
			.isEqualTo("Editor");
	}

	@Test
	void anExtensionTheClientListedIsListedOnce() {
		UserSnapshot user = snapshot("""
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
				 "urn:ietf:params:scim:schemas:extension:acme:2.0:User"],"userName":"ada",
				 "urn:ietf:params:scim:schemas:extension:acme:2.0:User":{"role":"Editor"}}""");

		assertThat(resource(user, 1).get("schemas").valueStream().map(s -> s.asString())).containsExactly(CORE_USER,
				"urn:ietf:params:scim:schemas:extension:acme:2.0:User");
	}

	@Test
	void theResourceCarriesMetaWithAWeakVersionAndItsLocation() {
		ObjectNode meta = (ObjectNode) resource(snapshot(OKTA_USER), 7).get("meta");

		assertThat(meta.get("resourceType").asString()).isEqualTo("User");
		assertThat(meta.get("version").asString()).isEqualTo("W/\"7\"");
		assertThat(meta.get("location").asString()).isEqualTo(BASE_URL + "/Users/u1");
		assertThat(meta.get("created").asString()).isEqualTo("2026-01-10T09:00:00Z");
		assertThat(meta.get("lastModified").asString()).isEqualTo("2026-02-20T12:30:00Z");
	}

	@Test
	void theResourceEchoesTheOtherAttributesAsSentButNeverThePassword() {
		ObjectNode resource = resource(snapshot(OKTA_USER), 1);

		assertThat(resource.get("name").get("givenName").asString()).isEqualTo("Test");
		assertThat(resource.get("emails").get(0).get("value").asString()).isEqualTo("test.user@okta.local");
		assertThat(resource.get("locale").asString()).isEqualTo("en-US");
		assertThat(resource.get("externalId").asString()).isEqualTo("00ujl29u0le5T6Aj10h7");
		assertThat(resource.has("password")).isFalse();
		assertThat(resource.has("groups")).isFalse();
	}

	@Test
	void aPutOfTheResourceAsReturnedMapsToTheSameUser() {
		UserSnapshot user = snapshot(OKTA_USER);

		UserSnapshot again = UserResources.toSnapshot(resource(user, 3), "u1", CREATED, NOW);

		assertThat(again).usingRecursiveComparison().ignoringFields("attributes").isEqualTo(user);
		assertThat(ScimJson.parseObject(again.attributes().json()))
			.isEqualTo(ScimJson.parseObject(user.attributes().json()));
	}

	@Test
	void aPatchWithTheStringFalseOnPathActiveDeactivatesTheUser() {
		ObjectNode current = resource(snapshot(OKTA_USER), 1);
		ObjectNode patch = ScimJson.parseObject("""
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""");

		UserSnapshot patched = UserResources.toSnapshot(ScimPatch.apply(current, patch, UserResources.PATCHABLE),
				"u1", CREATED, NOW);

		assertThat(patched.active()).isFalse();
		assertThat(resource(patched, 2).get("active").asBoolean()).isFalse();
	}

	@Test
	void oktasPathlessPatchDeactivatesAndReactivatesTheUser() {
		ObjectNode current = resource(snapshot(OKTA_USER), 1);
		ObjectNode deactivate = ScimJson.parseObject("""
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"replace","value":{"active":false}}]}""");
		ObjectNode reactivate = ScimJson.parseObject("""
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"replace","value":{"active":true}}]}""");

		UserSnapshot inactive = UserResources.toSnapshot(
				ScimPatch.apply(current, deactivate, UserResources.PATCHABLE), "u1", CREATED, NOW);
		UserSnapshot active = UserResources.toSnapshot(
				ScimPatch.apply(resource(inactive, 2), reactivate, UserResources.PATCHABLE), "u1", CREATED, NOW);

		assertThat(inactive.active()).isFalse();
		assertThat(active.active()).isTrue();
		assertThat(active.userName()).isEqualTo("Test.User@Okta.local");
	}

}
