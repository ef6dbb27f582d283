package io.spotbridge.model;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SCIM resource's attributes as the client sent them (so that, for example, a role sent in {@code roles[]} is
 * returned exactly as sent), kept as compact JSON text. Attributes that are server-assigned or secret are never kept:
 * {@code password}, {@code id}, {@code meta} and the read-only {@code groups}.
 */
public record ScimAttributes(String json) {

	/** Attributes stripped from every snapshot: secrets and server-assigned, read-only attributes. */
	public static final Set<String> NEVER_KEPT = Set.of("password", "id", "meta", "groups");

	public static final ScimAttributes EMPTY = new ScimAttributes("{}");

	private static final tools.jackson.databind.json.JsonMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	public ScimAttributes {
		if (json == null || !json.startsWith("{")) {
			throw new IllegalArgumentException("SCIM attributes must be a JSON object");
		}
	}

	/** Copies the object without the attributes in {@link #NEVER_KEPT} (matched case-insensitively, as SCIM does). */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ScimAttributes of(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("SCIM attributes must be a JSON object");
		}
		var dropped = node.propertyNames().stream()
			.filter(name -> NEVER_KEPT.contains(name.toLowerCase(java.util.Locale.ROOT)))
			.toList();
		if (dropped.isEmpty()) {
			return new ScimAttributes(node.toString());
		}
		ObjectNode copy = ((ObjectNode) node).deepCopy();
		dropped.forEach(copy::remove);
		return new ScimAttributes(copy.toString());
	}

	/** Whether both hold the same attributes and values, whatever the order of the JSON members. */
	public boolean sameAs(ScimAttributes other) {
		return json.equals(other.json) || MAPPER.readTree(json).equals(MAPPER.readTree(other.json));
	}

	@JsonValue
	@JsonRawValue
	@Override
	public String json() {
		return json;
	}

}
