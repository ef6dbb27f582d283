package io.spotbridge.ingress.scim;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Parsing of request bodies and writing of SCIM messages. Malformed input becomes a 400, never a 500. */
public final class ScimJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private ScimJson() {
	}

	public static ObjectNode parseObject(byte[] body) {
		if (body == null || body.length == 0) {
			throw ScimProblem.invalidSyntax("Request body is empty; a JSON object is required");
		}
		JsonNode node;
		try {
			node = MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw ScimProblem.invalidSyntax("Request body is not valid JSON: " + ex.getOriginalMessage());
		}
		if (!(node instanceof ObjectNode object)) {
			throw ScimProblem.invalidSyntax("Request body must be a JSON object");
		}
		return object;
	}

	public static ObjectNode parseObject(String json) {
		return (ObjectNode) MAPPER.readTree(json);
	}

	public static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	public static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

	public static byte[] write(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

	/**
	 * The stream factory behind {@link #mapper()}: for generators and parsers that only write or read tokens (no trees,
	 * no data binding), without the data-binding context the mapper makes for each of them.
	 */
	public static TokenStreamFactory tokens() {
		return MAPPER.tokenStreamFactory();
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

}
