package io.spotbridge.worker.links;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.spotbridge.model.EventKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The values of the records on the links topics. User links:
 * {@code {"schemaVersion":1,"spotUserId":"u-..","appliedVersion":3,"email":"..","updatedAt":"..."}}, key
 * {@code <tenant>/<scimUserId>}. Group links:
 * {@code {"schemaVersion":1,"spotGroupId":"ugr-..","appliedVersion":2,"name":"..","members":["<scimUserId>",..],
 * "mappedPolicies":false,"updatedAt":"..."}}, key {@code <tenant>/<scimGroupId>}.
 */
public final class LinkCodec {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private LinkCodec() {
	}

	public static byte[] encode(UserLink link) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("schemaVersion", 1);
		value.put("spotUserId", link.spotUserId());
		value.put("appliedVersion", link.appliedVersion());
		value.put("email", link.email());
		value.put("updatedAt", link.updatedAt().toString());
		return MAPPER.writeValueAsBytes(value);
	}

	public static byte[] encode(GroupLink link) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("schemaVersion", 1);
		value.put("spotGroupId", link.spotGroupId());
		value.put("appliedVersion", link.appliedVersion());
		value.put("name", link.name());
		value.put("members", link.members());
		value.put("mappedPolicies", link.mappedPolicies());
		value.put("updatedAt", link.updatedAt().toString());
		return MAPPER.writeValueAsBytes(value);
	}

	/** @throws IllegalArgumentException when the key or value is not a user link */
	public static UserLink decode(String key, byte[] value) {
		return read(key, value, node -> new UserLink(EventKey.parse(key), node.path("spotUserId").asString(""),
				node.path("appliedVersion").asLong(), node.path("email").asString(""), updatedAt(node)));
	}

	/** @throws IllegalArgumentException when the key or value is not a group link */
	public static GroupLink decodeGroup(String key, byte[] value) {
		return read(key, value, node -> {
			List<String> members = new ArrayList<>();
			node.path("members").forEach(member -> members.add(member.asString("")));
			return new GroupLink(EventKey.parse(key), node.path("spotGroupId").asString(""),
					node.path("appliedVersion").asLong(), node.path("name").asString(""), members,
					node.path("mappedPolicies").asBoolean(false), updatedAt(node));
		});
	}

	private static <T> T read(String key, byte[] value, java.util.function.Function<JsonNode, T> reader) {
		try {
			JsonNode node = MAPPER.readTree(value);
			if (!node.path("appliedVersion").canConvertToLong()) {
				throw new IllegalArgumentException("link " + key + " has no appliedVersion");
			}
			return reader.apply(node);
		}
		catch (JacksonException | java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException("link " + key + " is not readable: " + ex.getMessage(), ex);
		}
	}

	private static Instant updatedAt(JsonNode node) {
		return Instant.parse(node.path("updatedAt").asString(Instant.EPOCH.toString()));
	}

}
