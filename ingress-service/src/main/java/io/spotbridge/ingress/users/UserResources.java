package io.spotbridge.ingress.users;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.spotbridge.ingress.directory.UserEntry;
import io.spotbridge.ingress.scim.JsonFields;
import io.spotbridge.ingress.scim.ScimJson;
import io.spotbridge.ingress.scim.ScimMediaTypes;
import io.spotbridge.ingress.scim.ScimProblem;
import io.spotbridge.ingress.scim.Versions;
import io.spotbridge.ingress.scim.ListPage;
import io.spotbridge.model.Instants;
import io.spotbridge.model.ScimAttributes;
import io.spotbridge.model.UserSnapshot;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps SCIM User JSON to the directory's {@link UserSnapshot} and back. Accepts Okta's dialect: read-only attributes
 * (id, meta, groups) and {@code password} are tolerated and dropped; {@code active} may be a string; the Spot role may
 * come from {@code roles[]} (primary, else first), a top-level {@code role}, or an extension object with a
 * {@code role} — and the resource is returned as it was sent.
 */
final class UserResources {

	/** Top-level attributes a PATCH path may name (lower case). */
	static final Set<String> PATCHABLE = Set.of("username", "name", "displayname", "nickname", "profileurl", "title",
			"usertype", "preferredlanguage", "locale", "timezone", "active", "emails", "phonenumbers", "ims",
			"photos", "addresses", "entitlements", "roles", "role", "x509certificates", "externalid", "schemas");

	private UserResources() {
	}

	static UserSnapshot toSnapshot(ObjectNode body, String id, Instant created, Instant now) {
		String userName = JsonFields.string(body, "userName", "userName").map(String::trim)
			.filter(name -> !name.isEmpty())
			.orElseThrow(() -> ScimProblem.invalidValue("userName is required and must be a non-empty string"));
		Optional<ObjectNode> name = JsonFields.object(body, "name", "name");
		String givenName = name.flatMap(n -> JsonFields.string(n, "givenName", "name.givenName")).orElse(null);
		String familyName = name.flatMap(n -> JsonFields.string(n, "familyName", "name.familyName")).orElse(null);
		String externalId = JsonFields.string(body, "externalId", "externalId").orElse(null);
		String displayName = JsonFields.string(body, "displayName", "displayName").orElse(null);
		boolean active = JsonFields.bool(body, "active", "active").orElse(true);
		String email = primaryValue(JsonFields.array(body, "emails", "emails"), "emails").orElse(null);
		String role = role(body).orElse(null);
		return new UserSnapshot(id, userName, externalId, givenName, familyName, displayName, email, active, role,
				ScimAttributes.of(body), created, now);
	}

	/**
	 * The same resource as {@link #toResource}, written straight to JSON bytes (no resource tree is built): what every
	 * answer carrying users uses.
	 */
	static byte[] write(UserEntry entry, String baseUrl) {
		ByteArrayBuilder bytes = new ByteArrayBuilder(512);
		try (JsonGenerator out = ScimJson.tokens().createGenerator(bytes)) {
			write(out, entry, baseUrl);
		}
		return bytes.toByteArray();
	}

	/** A list response of users (RFC 7644 §3.4.2), written straight to JSON bytes. */
	static byte[] writeList(ListPage page, int totalResults, java.util.List<UserEntry> users, String baseUrl) {
		ByteArrayBuilder bytes = new ByteArrayBuilder(256 + 512 * users.size());
		try (JsonGenerator out = ScimJson.tokens().createGenerator(bytes)) {
			out.writeStartObject();
			out.writeName("schemas");
			out.writeStartArray();
			out.writeString(ScimMediaTypes.LIST_RESPONSE);
			out.writeEndArray();
			out.writeNumberProperty("totalResults", totalResults);
			out.writeNumberProperty("startIndex", page.startIndex());
			out.writeNumberProperty("itemsPerPage", users.size());
			out.writeName("Resources");
			out.writeStartArray();
			for (UserEntry user : users) {
				write(out, user, baseUrl);
			}
			out.writeEndArray();
			out.writeEndObject();
		}
		return bytes.toByteArray();
	}

	static String location(UserEntry entry, String baseUrl) {
		return baseUrl + "/Users/" + entry.user().id();
	}

	/**
	 * Streams the stored attributes text into the resource (no tree is built): one pass collects the schemas to list,
	 * a second copies the attributes.
	 */
	private static void write(JsonGenerator out, UserEntry entry, String baseUrl) {
		UserSnapshot user = entry.user();
		String sent = user.attributes().json();
		out.writeStartObject();
		out.writeName("schemas");
		out.writeStartArray();
		for (String schema : schemas(sent)) {
			out.writeString(schema);
		}
		out.writeEndArray();
		out.writeStringProperty("id", user.id());
		try (JsonParser attributes = ScimJson.tokens().createParser(sent)) {
			attributes.nextToken();
			for (String key = attributes.nextName(); key != null; key = attributes.nextName()) {
				attributes.nextToken();
				if (key.equalsIgnoreCase("schemas") || key.equalsIgnoreCase("active")
						|| key.equalsIgnoreCase("username") || key.equals("id")) {
					attributes.skipChildren();
					continue;
				}
				out.writeName(key);
				out.copyCurrentStructure(attributes);
			}
		}
		out.writeStringProperty("userName", user.userName());
		out.writeBooleanProperty("active", user.active());
		out.writeName("meta");
		out.writeStartObject();
		out.writeStringProperty("resourceType", "User");
		out.writeStringProperty("created", Instants.format(user.created()));
		out.writeStringProperty("lastModified", Instants.format(user.lastModified()));
		out.writeStringProperty("version", Versions.etag(entry.version()));
		out.writeStringProperty("location", location(entry, baseUrl));
		out.writeEndObject();
		out.writeEndObject();
	}

	/**
	 * The core schema, the string members of the {@code schemas} the client sent (as {@link JsonFields#field} finds
	 * it: the exact name first, else the first in another case) and every extension object in use (RFC 7643 §3), each
	 * once (case-insensitively), in that order.
	 */
	private static java.util.List<String> schemas(String sent) {
		java.util.List<String> exactSchemas = null;
		java.util.List<String> otherCaseSchemas = null;
		boolean exactSeen = false;
		boolean otherCaseSeen = false;
		java.util.List<String> extensions = new java.util.ArrayList<>(1);
		try (JsonParser attributes = ScimJson.tokens().createParser(sent)) {
			attributes.nextToken();
			for (String key = attributes.nextName(); key != null; key = attributes.nextName()) {
				JsonToken value = attributes.nextToken();
				if (key.equals("schemas") && !exactSeen) {
					exactSeen = true;
					exactSchemas = strings(attributes);
				}
				else if (key.equalsIgnoreCase("schemas") && !otherCaseSeen) {
					otherCaseSeen = true;
					otherCaseSchemas = strings(attributes);
				}
				else {
					if (key.regionMatches(true, 0, "urn:", 0, 4) && value == JsonToken.START_OBJECT) {
						extensions.add(key);
					}
					attributes.skipChildren();
				}
			}
		}
		java.util.List<String> schemas = new java.util.ArrayList<>(2);
		schemas.add(ScimMediaTypes.CORE_USER);
		java.util.List<String> sentSchemas = exactSeen ? exactSchemas : otherCaseSchemas;
		if (sentSchemas != null) {
			sentSchemas.forEach(schema -> addSchema(schemas, schema));
		}
		extensions.forEach(extension -> addSchema(schemas, extension));
		return schemas;
	}

	/** The string elements of the array the parser is on; null (and the value skipped) when it is no array. */
	private static java.util.List<String> strings(JsonParser parser) {
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			parser.skipChildren();
			return null;
		}
		java.util.List<String> strings = new java.util.ArrayList<>(2);
		for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
			if (element == JsonToken.VALUE_STRING) {
				strings.add(parser.getString());
			}
			else {
				parser.skipChildren();
			}
		}
		return strings;
	}

	private static void addSchema(java.util.List<String> schemas, String urn) {
		for (String listed : schemas) {
			if (listed.equalsIgnoreCase(urn)) {
				return;
			}
		}
		schemas.add(urn);
	}

	static ObjectNode toResource(UserEntry entry, String baseUrl) {
		UserSnapshot user = entry.user();
		ObjectNode sent = ScimJson.parseObject(user.attributes().json());
		ObjectNode resource = ScimJson.object();
		ArrayNode schemas = resource.putArray("schemas").add(ScimMediaTypes.CORE_USER);
		JsonFields.field(sent, "schemas").filter(JsonNode::isArray).ifPresent(sentSchemas -> sentSchemas.forEach(s -> {
			if (s.isString()) {
				addSchema(schemas, s.asString());
			}
		}));
		resource.put("id", user.id());
		for (Map.Entry<String, JsonNode> attribute : sent.properties()) {
			String key = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
			if (!key.equals("schemas") && !key.equals("active") && !key.equals("username")) {
				resource.set(attribute.getKey(), attribute.getValue());
			}
			if (key.startsWith("urn:") && attribute.getValue().isObject()) {
				// RFC 7643 §3: an extension in use is listed in "schemas", also when the client did not list it
				addSchema(schemas, attribute.getKey());
			}
		}
		resource.put("userName", user.userName());
		resource.put("active", user.active());
		ObjectNode meta = resource.putObject("meta");
		meta.put("resourceType", "User");
		meta.put("created", user.created().toString());
		meta.put("lastModified", user.lastModified().toString());
		meta.put("version", Versions.etag(entry.version()));
		meta.put("location", baseUrl + "/Users/" + user.id());
		return resource;
	}

	private static void addSchema(ArrayNode schemas, String urn) {
		for (JsonNode listed : schemas) {
			if (listed.asString().equalsIgnoreCase(urn)) {
				return;
			}
		}
		schemas.add(urn);
	}

	private static Optional<String> primaryValue(Optional<JsonNode> values, String label) {
		if (values.isEmpty()) {
			return Optional.empty();
		}
		JsonNode first = null;
		for (JsonNode value : values.get()) {
			if (!(value instanceof ObjectNode)) {
				throw ScimProblem.invalidValue(label + " must be an array of objects");
			}
			JsonFields.string(value, "value", label + ".value");
			if (first == null) {
				first = value;
			}
			if (JsonFields.bool(value, "primary", label + ".primary").orElse(false)) {
				return JsonFields.string(value, "value", label + ".value");
			}
		}
		return first == null ? Optional.empty() : JsonFields.string(first, "value", label + ".value");
	}

	private static Optional<String> role(ObjectNode body) {
		Optional<JsonNode> roles = JsonFields.array(body, "roles", "roles");
		if (roles.isPresent() && !roles.get().isEmpty()) {
			JsonNode chosen = null;
			for (JsonNode role : roles.get()) {
				if (role.isString()) {
					chosen = chosen == null ? role : chosen;
					continue;
				}
				if (!(role instanceof ObjectNode)) {
					throw ScimProblem.invalidValue("roles must be an array of objects");
				}
				if (chosen == null || JsonFields.bool(role, "primary", "roles.primary").orElse(false)) {
					chosen = role;
				}
			}
			if (chosen != null) {
				return chosen.isString() ? Optional.of(chosen.asString())
						: JsonFields.string(chosen, "value", "roles.value");
			}
		}
		Optional<String> topLevel = JsonFields.string(body, "role", "role");
		if (topLevel.isPresent()) {
			return topLevel;
		}
		for (Map.Entry<String, JsonNode> attribute : body.properties()) {
			if (attribute.getKey().startsWith("urn:") && attribute.getValue() instanceof ObjectNode extension) {
				Optional<String> role = JsonFields.string(extension, "role", attribute.getKey() + ":role");
				if (role.isPresent()) {
					return role;
				}
			}
		}
		return Optional.empty();
	}

}
