package io.spotbridge.ingress.scim;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimPatchTest {

	static final Set<String> USER_ATTRIBUTES = Set.of("username", "name", "displayname", "active", "emails",
			"externalid");

	static final Set<String> GROUP_ATTRIBUTES = Set.of("displayname", "members", "externalid", "id");

	static ObjectNode user() {
		return ScimJson.parseObject("""
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"ada@example.com",
				 "name":{"givenName":"Ada","familyName":"Lovelace"},"active":true}""");
	}

	static ObjectNode group() {
		return ScimJson.parseObject("""
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","displayName":"Editors",
				 "members":[{"value":"u1","display":"Ada"},{"value":"u2","display":"Grace"}]}""");
	}

	static ObjectNode patch(String operations) {
		return ScimJson.parseObject("""
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":%s}""".formatted(operations));
	}

	static ObjectNode applyToUser(String operations) {
		return ScimPatch.apply(user(), patch(operations), USER_ATTRIBUTES);
	}

	static ObjectNode applyToGroup(String operations) {
		return ScimPatch.apply(group(), patch(operations), GROUP_ATTRIBUTES);
	}

	static java.util.List<String> memberValues(JsonNode group) {
		return group.get("members").valueStream().map(m -> m.get("value").asString()).toList();
	}

	static void assertBadRequest(Runnable call, String scimType) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(ScimProblem.class, problem -> {
			assertThat(problem.status()).isEqualTo(400);
			assertThat(problem.scimType()).contains(scimType);
		});
	}

	@Test
	void oktasPathlessReplaceDeactivatesTheUser() {
		ObjectNode patched = applyToUser("[{\"op\":\"replace\",\"value\":{\"active\":false}}]");

		assertThat(patched.get("active").isBoolean()).isTrue();
		assertThat(patched.get("active").asBoolean()).isFalse();
		assertThat(patched.get("userName").asString()).isEqualTo("ada@example.com");
		assertThat(patched.get("name").get("givenName").asString()).isEqualTo("Ada");
	}

	@Test
	void opNamesAreAcceptedInAnyCase() {
		assertThat(applyToUser("[{\"op\":\"Replace\",\"value\":{\"active\":false}}]").get("active").asBoolean())
			.isFalse();
		assertThat(applyToUser("[{\"op\":\"REPLACE\",\"path\":\"displayName\",\"value\":\"Ada L.\"}]")
			.get("displayName").asString()).isEqualTo("Ada L.");
	}

	@Test
	void operationsMayBeSpelledInLowerCase() {
		ObjectNode body = ScimJson.parseObject("""
				{"operations":[{"op":"replace","value":{"active":false}}]}""");

		assertThat(ScimPatch.apply(user(), body, USER_ATTRIBUTES).get("active").asBoolean()).isFalse();
	}

	@Test
	void aStringBooleanOnPathActiveIsKeptAsSent() {
		ObjectNode patched = applyToUser("[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"False\"}]");

		assertThat(patched.get("active").isString()).isTrue();
		assertThat(patched.get("active").asString()).isEqualTo("False");
	}

	@Test
	void replaceOfASubAttributeKeepsItsSiblings() {
		ObjectNode patched = applyToUser("[{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Augusta\"}]");

		assertThat(patched.get("name").get("givenName").asString()).isEqualTo("Augusta");
		assertThat(patched.get("name").get("familyName").asString()).isEqualTo("Lovelace");
	}

	@Test
	void aPathQualifiedWithTheCoreSchemaUrnPatchesTheAttributeItself() {
		ObjectNode patched = applyToUser("""
				[{"op":"replace","path":"urn:ietf:params:scim:schemas:core:2.0:User:name.givenName","value":"Augusta"},
				 {"op":"replace","path":"urn:ietf:params:scim:schemas:core:2.0:User:active","value":false}]""");

		assertThat(patched.get("name").get("givenName").asString()).isEqualTo("Augusta");
		assertThat(patched.get("active").asBoolean()).isFalse();
		assertThat(patched.has("urn:ietf:params:scim:schemas:core:2.0:User")).isFalse();
	}

	@Test
	void aCoreSchemaQualifiedPathStillHasToNameAKnownAttribute() {
		assertBadRequest(() -> applyToUser("""
				[{"op":"replace","path":"urn:ietf:params:scim:schemas:core:2.0:User:nickName","value":"x"}]"""),
				"invalidPath");
	}

	@Test
	void anExtensionPathPatchesTheExtensionObject() {
		ObjectNode patched = applyToUser("""
				[{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:spot:2.0:User:role","value":"Editor"}]""");

		assertThat(patched.get("urn:ietf:params:scim:schemas:extension:spot:2.0:User").get("role").asString())
			.isEqualTo("Editor");
	}

	@Test
	void operationsApplyInOrder() {
		ObjectNode patched = applyToUser("""
				[{"op":"replace","path":"displayName","value":"first"},
				 {"op":"replace","path":"displayName","value":"second"},
				 {"op":"replace","value":{"active":false}}]""");

		assertThat(patched.get("displayName").asString()).isEqualTo("second");
		assertThat(patched.get("active").asBoolean()).isFalse();
	}

	@Test
	void addMembersAppendsToTheList() {
		ObjectNode patched = applyToGroup("""
				[{"op":"add","path":"members","value":[{"value":"u3","display":"Alan"}]}]""");

		assertThat(memberValues(patched)).containsExactly("u1", "u2", "u3");
	}

	@Test
	void addMembersToAGroupWithoutMembersCreatesTheList() {
		ObjectNode empty = ScimJson.parseObject("{\"id\":\"g1\",\"displayName\":\"Editors\"}");

		ObjectNode patched = ScimPatch.apply(empty,
				patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u3\"}]}]"), GROUP_ATTRIBUTES);

		assertThat(memberValues(patched)).containsExactly("u3");
	}

	@Test
	void removeWithAValueFilterRemovesOnlyThatMember() {
		ObjectNode patched = applyToGroup("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\"]\"}]");

		assertThat(memberValues(patched)).containsExactly("u2");
	}

	@Test
	void removeOfMembersRemovesThemAll() {
		ObjectNode patched = applyToGroup("[{\"op\":\"remove\",\"path\":\"members\"}]");

		assertThat(patched.has("members")).isFalse();
	}

	@Test
	void replaceOfMembersReplacesTheWholeList() {
		ObjectNode patched = applyToGroup("""
				[{"op":"replace","path":"members","value":[{"value":"u3"},{"value":"u4"}]}]""");

		assertThat(memberValues(patched)).containsExactly("u3", "u4");
	}

	@Test
	void pathlessReplaceRenamesAGroupAndKeepsItsMembers() {
		ObjectNode patched = applyToGroup("""
				[{"op":"replace","value":{"id":"g1","displayName":"Viewers"}}]""");

		assertThat(patched.get("displayName").asString()).isEqualTo("Viewers");
		assertThat(memberValues(patched)).containsExactly("u1", "u2");
	}

	@Test
	void theInputResourceAndPatchBodyAreNotModified() {
		ObjectNode resource = group();
		ObjectNode body = patch("""
				[{"op":"Remove","path":"members[value eq \\"u1\\"]"},
				 {"op":"replace","path":"displayName","value":"Viewers"}]""");
		ObjectNode resourceBefore = resource.deepCopy();
		ObjectNode bodyBefore = body.deepCopy();

		ScimPatch.apply(resource, body, GROUP_ATTRIBUTES);

		assertThat(resource).isEqualTo(resourceBefore);
		assertThat(body).isEqualTo(bodyBefore);
	}

	@Test
	void aPathNamingNoAttributeOfTheResourceIsAnInvalidPath() {
		assertBadRequest(() -> applyToUser("[{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"x\"}]"),
				"invalidPath");
		assertBadRequest(() -> applyToGroup("[{\"op\":\"add\",\"path\":\"owners\",\"value\":[{\"value\":\"u1\"}]}]"),
				"invalidPath");
	}

	@Test
	void aPathThatDoesNotParseIsABadRequest() {
		assertThatThrownBy(() -> applyToGroup("[{\"op\":\"remove\",\"path\":\"members[value eq \"}]"))
			.isInstanceOfSatisfying(ScimProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}",
			"{\"Operations\":[]}", "{\"Operations\":{\"op\":\"replace\"}}", "{\"Operations\":null}" })
	void aBodyWithoutOperationsIsABadRequest(String body) {
		assertBadRequest(() -> ScimPatch.apply(user(), ScimJson.parseObject(body), USER_ATTRIBUTES), "invalidSyntax");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[\"replace\"]", "[{\"value\":{\"active\":false}}]", "[{\"op\":7,\"value\":{}}]",
			"[{\"op\":\"jump\",\"path\":\"active\",\"value\":true}]" })
	void aMalformedOperationIsABadRequest(String operations) {
		assertThatThrownBy(() -> applyToUser(operations))
			.isInstanceOfSatisfying(ScimProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
	}

	@Test
	void removeWithoutAPathIsABadRequest() {
		assertThatThrownBy(() -> applyToUser("[{\"op\":\"remove\"}]"))
			.isInstanceOfSatisfying(ScimProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
	}

	@Test
	void addWithoutAValueIsABadRequest() {
		assertThatThrownBy(() -> applyToUser("[{\"op\":\"add\",\"path\":\"displayName\"}]"))
			.isInstanceOfSatisfying(ScimProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
	}

	@Test
	void pathlessAddMergesTheValueIntoTheResource() {
		ObjectNode patched = applyToUser("[{\"op\":\"add\",\"value\":{\"displayName\":\"Ada L.\"}}]");

		assertThat(patched.get("displayName").asString()).isEqualTo("Ada L.");
		assertThat(patched.get("userName").asString()).isEqualTo("ada@example.com");
	}

}
