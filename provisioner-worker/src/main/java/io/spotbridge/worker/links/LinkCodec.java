package io.spotbridge.worker.links;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.spotbridge.model.EventKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The value of a record on the links topic:
 * {@code {"schemaVersion":1,"spotUserId":"u-..","appliedVersion":3,"email":"..","updatedAt":"..."}}; the key is
 * {@code <tenant>/<scimUserId>}.
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

	/** @throws IllegalArgumentException when the key or value is not a link */
	public static UserLink decode(String key, byte[] value) {
		try {
			JsonNode node = MAPPER.readTree(value);
			if (!node.path("appliedVersion").canConvertToLong()) {
				throw new IllegalArgumentException("link " + key + " has no appliedVersion");
			}
			return new UserLink(EventKey.parse(key), node.path("spotUserId").asString(""),
					node.path("appliedVersion").asLong(), node.path("email").asString(""),
					Instant.parse(node.path("updatedAt").asString(Instant.EPOCH.toString())));
		}
		catch (JacksonException | java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException("link " + key + " is not readable: " + ex.getMessage(), ex);
		}
	}

}
