package io.spotbridge.model;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * The SCIM resource's attributes as the client sent them (so that, for example, a role sent in {@code roles[]} is
 * returned exactly as sent), kept as compact JSON text. Attributes that are server-assigned or secret are never kept:
 * {@code password}, {@code id}, {@code meta} and the read-only {@code groups}.
 */
@JsonDeserialize(using = ScimAttributes.Reader.class)
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

	/**
	 * The object's text without the attributes in {@link #NEVER_KEPT} (matched case-insensitively, as SCIM does):
	 * streamed from the tree by {@link Reader#read} (no copy of the tree is made), as compact as
	 * {@link JsonNode#toString()}.
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ScimAttributes of(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("SCIM attributes must be a JSON object");
		}
		try (JsonParser p = node.traverse(ObjectReadContext.empty())) {
			p.nextToken();
			return Reader.read(p);
		}
	}

	/** Whether this top-level attribute name is one of {@link #NEVER_KEPT} (case-insensitively). */
	public static boolean neverKept(String name) {
		switch (name.length()) {
			case 2:
				return name.equalsIgnoreCase("id");
			case 4:
				return name.equalsIgnoreCase("meta");
			case 6:
				return name.equalsIgnoreCase("groups");
			case 8:
				return name.equalsIgnoreCase("password");
			default:
				return false;
		}
	}

	/**
	 * Reads the attributes straight from the parser into their compact text, without building a tree (the directory
	 * rebuild reads the attributes of every record): the same text and the same dropped attributes as
	 * {@link #of(JsonNode)}.
	 */
	static final class Reader extends StdDeserializer<ScimAttributes> {

		Reader() {
			super(ScimAttributes.class);
		}

		@Override
		public ScimAttributes deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			if (p.currentToken() != JsonToken.START_OBJECT) {
				return ctxt.reportInputMismatch(this, "SCIM attributes must be a JSON object, was %s", p.currentToken());
			}
			return read(p);
		}

		/**
		 * @param p on the object's start; left on its end. The generator comes from the stream factory: copying tokens
		 *          needs no data-binding context (which the mapper would make for every generator)
		 */
		static ScimAttributes read(JsonParser p) {
			java.io.StringWriter text = new java.io.StringWriter(256);
			try (JsonGenerator out = MAPPER.tokenStreamFactory().createGenerator(text)) {
				out.writeStartObject();
				for (String name = p.nextName(); name != null; name = p.nextName()) {
					p.nextToken();
					if (neverKept(name)) {
						p.skipChildren();
						continue;
					}
					out.writeName(name);
					out.copyCurrentStructure(p);
				}
				out.writeEndObject();
			}
			return new ScimAttributes(text.toString());
		}

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
