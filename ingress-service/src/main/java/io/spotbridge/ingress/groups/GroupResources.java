package io.spotbridge.ingress.groups;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.spotbridge.ingress.directory.GroupEntry;
import io.spotbridge.ingress.scim.JsonFields;
import io.spotbridge.ingress.scim.ScimJson;
import io.spotbridge.ingress.scim.ScimMediaTypes;
import io.spotbridge.ingress.scim.ScimProblem;
import io.spotbridge.ingress.scim.Versions;
import io.spotbridge.model.GroupMember;
import io.spotbridge.model.GroupSnapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Maps SCIM Group JSON to {@link GroupSnapshot} and back. Members are de-duplicated by value, first one wins. */
final class GroupResources {

	static final Set<String> PATCHABLE = Set.of("displayname", "members", "externalid", "schemas", "id");

	private GroupResources() {
	}

	static GroupSnapshot toSnapshot(ObjectNode body, String id, Instant created, Instant now) {
		String displayName = JsonFields.string(body, "displayName", "displayName").map(String::trim)
			.filter(name -> !name.isEmpty())
			.orElseThrow(() -> ScimProblem.invalidValue("displayName is required and must be a non-empty string"));
		String externalId = JsonFields.string(body, "externalId", "externalId").orElse(null);
		Map<String, GroupMember> members = new LinkedHashMap<>();
		JsonFields.array(body, "members", "members").ifPresent(array -> array.forEach(member -> {
			if (!(member instanceof ObjectNode)) {
				throw ScimProblem.invalidValue("members must be an array of objects with a \"value\"");
			}
			String value = JsonFields.string(member, "value", "members.value")
				.filter(v -> !v.isBlank())
				.orElseThrow(() -> ScimProblem.invalidValue("every member needs a \"value\" (the user's id)"));
			String display = JsonFields.string(member, "display", "members.display").orElse(null);
			members.putIfAbsent(value, new GroupMember(value, display));
		}));
		return new GroupSnapshot(id, displayName, externalId, java.util.List.copyOf(members.values()), created, now);
	}

	static ObjectNode toResource(GroupEntry entry, String baseUrl) {
		GroupSnapshot group = entry.group();
		ObjectNode resource = ScimJson.object();
		resource.putArray("schemas").add(ScimMediaTypes.CORE_GROUP);
		resource.put("id", group.id());
		if (group.externalId() != null) {
			resource.put("externalId", group.externalId());
		}
		resource.put("displayName", group.displayName());
		ArrayNode members = resource.putArray("members");
		for (GroupMember member : group.members()) {
			ObjectNode node = members.addObject().put("value", member.value());
			if (member.display() != null) {
				node.put("display", member.display());
			}
			node.put("$ref", baseUrl + "/Users/" + member.value());
			node.put("type", "User");
		}
		ObjectNode meta = resource.putObject("meta");
		meta.put("resourceType", "Group");
		meta.put("created", group.created().toString());
		meta.put("lastModified", group.lastModified().toString());
		meta.put("version", Versions.etag(entry.version()));
		meta.put("location", baseUrl + "/Groups/" + group.id());
		return resource;
	}

	static boolean hasMembers(JsonNode resource) {
		return JsonFields.field(resource, "members").filter(JsonNode::isArray).map(m -> !m.isEmpty()).orElse(false);
	}

}
