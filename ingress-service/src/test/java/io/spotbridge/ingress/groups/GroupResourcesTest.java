package io.spotbridge.ingress.groups;

import java.time.Instant;

import io.spotbridge.ingress.directory.GroupEntry;
import io.spotbridge.ingress.scim.ScimJson;
import io.spotbridge.ingress.scim.ScimPatch;
import io.spotbridge.ingress.scim.ScimProblem;
import io.spotbridge.model.GroupMember;
import io.spotbridge.model.GroupSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupResourcesTest {

	static final Instant CREATED = Instant.parse("2026-01-10T09:00:00Z");

	static final Instant NOW = Instant.parse("2026-02-20T12:30:00Z");

	static final String BASE_URL = "https://bridge.example/scim/v2";

	static GroupSnapshot snapshot(String json) {
		return GroupResources.toSnapshot(ScimJson.parseObject(json), "g1", CREATED, NOW);
	}

	static ObjectNode resource(GroupSnapshot group, long version) {
		return GroupResources.toResource(new GroupEntry(group, version), BASE_URL);
	}

	static void assertInvalidValue(String json, String mentioning) {
		assertThatThrownBy(() -> snapshot(json)).isInstanceOfSatisfying(ScimProblem.class, problem -> {
			assertThat(problem.status()).isEqualTo(400);
			assertThat(problem.scimType()).contains("invalidValue");
			assertThat(problem.getMessage()).contains(mentioning);
		});
	}

	@Test
	void oktasGroupPushMapsToASnapshot() {
		GroupSnapshot group = snapshot("""
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Editors","members":[]}""");

		assertThat(group.id()).isEqualTo("g1");
		assertThat(group.displayName()).isEqualTo("Editors");
		assertThat(group.members()).isEmpty();
		assertThat(group.created()).isEqualTo(CREATED);
		assertThat(group.lastModified()).isEqualTo(NOW);
	}

	@Test
	void membersAreDeduplicatedByValueAndTheFirstOneWins() {
		GroupSnapshot group = snapshot("""
				{"displayName":"Editors","members":[{"value":"u1","display":"Ada"},{"value":"u2"},
				 {"value":"u1","display":"Ada again"}]}""");

		assertThat(group.members()).containsExactly(new GroupMember("u1", "Ada"), new GroupMember("u2", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "[{\"display\":\"Ada\"}]", "[{\"value\":\"\"}]", "[{\"value\":\" \"}]",
			"[{\"value\":null}]" })
	void aMemberWithoutAValueIsAnInvalidValue(String members) {
		assertInvalidValue("{\"displayName\":\"Editors\",\"members\":" + members + "}", "value");
	}

	@Test
	void membersOfTheWrongShapeAreInvalidValues() {
		assertInvalidValue("{\"displayName\":\"Editors\",\"members\":[\"u1\"]}", "members");
		assertInvalidValue("{\"displayName\":\"Editors\",\"members\":{\"value\":\"u1\"}}", "members");
		assertInvalidValue("{\"displayName\":\"Editors\",\"members\":[{\"value\":1}]}", "members.value");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"displayName\":\"\"}", "{\"displayName\":\"  \"}", "{\"displayName\":null}",
			"{\"displayName\":7}" })
	void aMissingOrBlankDisplayNameIsAnInvalidValue(String json) {
		assertInvalidValue(json, "displayName");
	}

	@Test
	void theResourceCarriesMembersWithValueDisplayRefAndType() {
		ObjectNode resource = resource(snapshot("""
				{"displayName":"Editors","externalId":"00gE","members":[{"value":"u1","display":"Ada"},{"value":"u2"}]}"""),
				4);

		JsonNode members = resource.get("members");
		assertThat(members).hasSize(2);
		assertThat(members.get(0)).isEqualTo(ScimJson.parseObject("""
				{"value":"u1","display":"Ada","$ref":"https://bridge.example/scim/v2/Users/u1","type":"User"}"""));
		assertThat(members.get(1)).isEqualTo(ScimJson.parseObject("""
				{"value":"u2","$ref":"https://bridge.example/scim/v2/Users/u2","type":"User"}"""));
	}

	@Test
	void theResourceCarriesSchemasIdNameAndMeta() {
		ObjectNode resource = resource(snapshot("{\"displayName\":\"Editors\",\"externalId\":\"00gE\"}"), 4);

		assertThat(resource.get("schemas").valueStream().map(JsonNode::asString))
			.containsExactly("urn:ietf:params:scim:schemas:core:2.0:Group");
		assertThat(resource.get("id").asString()).isEqualTo("g1");
		assertThat(resource.get("displayName").asString()).isEqualTo("Editors");
		assertThat(resource.get("externalId").asString()).isEqualTo("00gE");
		assertThat(resource.get("members").isArray()).isTrue();
		JsonNode meta = resource.get("meta");
		assertThat(meta.get("resourceType").asString()).isEqualTo("Group");
		assertThat(meta.get("version").asString()).isEqualTo("W/\"4\"");
		assertThat(meta.get("location").asString()).isEqualTo(BASE_URL + "/Groups/g1");
	}

	@Test
	void aGroupWithoutExternalIdHasNoneInTheResource() {
		assertThat(resource(snapshot("{\"displayName\":\"Editors\"}"), 1).has("externalId")).isFalse();
	}

	@Test
	void addingAMemberTwiceThroughPatchKeepsOneMember() {
		ObjectNode current = resource(snapshot("{\"displayName\":\"Editors\",\"members\":[{\"value\":\"u1\"}]}"), 1);
		ObjectNode patch = ScimJson.parseObject("""
				{"Operations":[{"op":"add","path":"members","value":[{"value":"u1"},{"value":"u2"}]}]}""");

		GroupSnapshot patched = GroupResources.toSnapshot(ScimPatch.apply(current, patch, GroupResources.PATCHABLE),
				"g1", CREATED, NOW);

		assertThat(patched.members()).extracting(GroupMember::value).containsExactly("u1", "u2");
	}

	@Test
	void removingAMemberByFilterThroughPatchKeepsTheOthers() {
		ObjectNode current = resource(
				snapshot("{\"displayName\":\"Editors\",\"members\":[{\"value\":\"u1\"},{\"value\":\"u2\"}]}"), 1);
		ObjectNode patch = ScimJson.parseObject("""
				{"Operations":[{"op":"remove","path":"members[value eq \\"u1\\"]"}]}""");

		GroupSnapshot patched = GroupResources.toSnapshot(ScimPatch.apply(current, patch, GroupResources.PATCHABLE),
				"g1", CREATED, NOW);

		assertThat(patched.members()).extracting(GroupMember::value).containsExactly("u2");
	}

	@Test
	void hasMembersTellsWhetherTheResourceListsAnyMember() {
		assertThat(GroupResources.hasMembers(ScimJson.parseObject("{\"members\":[{\"value\":\"u1\"}]}"))).isTrue();
		assertThat(GroupResources.hasMembers(ScimJson.parseObject("{\"members\":[]}"))).isFalse();
		assertThat(GroupResources.hasMembers(ScimJson.parseObject("{}"))).isFalse();
	}

}
