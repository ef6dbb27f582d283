package io.spotbridge.ingress.scim;

import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed, case-insensitive reads of SCIM attributes (RFC 7643 §2.1: attribute names are case-insensitive). A value of
 * the wrong JSON type is a 400 {@code invalidValue} naming the attribute.
 */
public final class JsonFields {

	private JsonFields() {
	}

	public static Optional<JsonNode> field(JsonNode node, String name) {
		if (!(node instanceof ObjectNode object)) {
			return Optional.empty();
		}
		JsonNode exact = object.get(name);
		if (exact != null) {
			return present(exact);
		}
		for (String candidate : object.propertyNames()) {
			if (candidate.equalsIgnoreCase(name)) {
				return present(object.get(candidate));
			}
		}
		return Optional.empty();
	}

	private static Optional<JsonNode> present(JsonNode value) {
		return value == null || value.isNull() || value.isMissingNode() ? Optional.empty() : Optional.of(value);
	}

	public static Optional<String> string(JsonNode node, String name, String label) {
		return field(node, name).map(value -> {
			if (!value.isString()) {
				throw ScimProblem.invalidValue(label + " must be a string");
			}
			return value.asString();
		});
	}

	public static Optional<ObjectNode> object(JsonNode node, String name, String label) {
		return field(node, name).map(value -> {
			if (!(value instanceof ObjectNode object)) {
				throw ScimProblem.invalidValue(label + " must be a JSON object");
			}
			return object;
		});
	}

	public static Optional<JsonNode> array(JsonNode node, String name, String label) {
		return field(node, name).map(value -> {
			if (!value.isArray()) {
				throw ScimProblem.invalidValue(label + " must be an array");
			}
			return value;
		});
	}

	/** A SCIM boolean; the strings "true"/"false" in any case are accepted too, as some clients send them. */
	public static Optional<Boolean> bool(JsonNode node, String name, String label) {
		return field(node, name).map(value -> {
			if (value.isBoolean()) {
				return value.asBoolean();
			}
			if (value.isString()) {
				String text = value.asString().trim().toLowerCase(Locale.ROOT);
				if (text.equals("true") || text.equals("false")) {
					return Boolean.parseBoolean(text);
				}
			}
			throw ScimProblem.invalidValue(label + " must be a boolean");
		});
	}

}
