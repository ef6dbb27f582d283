package io.spotbridge.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads the user events this codec writes straight from the parser, without data binding: a small, fast path for the
 * directory rebuild, which reads every record of the topics while the JIT is still cold. It understands exactly the
 * shape {@link EventCodec#encode} writes (unknown members are skipped, as data binding does); for anything else —
 * another type, a value of an unexpected JSON type, a missing primitive — it answers null and the caller reads the
 * record with data binding, which then accepts it or says what is wrong with it.
 */
final class UserEventReader {

	private UserEventReader() {
	}

	/**
	 * @param p positioned on the {@code type} member name, right after {@code schemaVersion}
	 * @return the event, or null to let data binding read the record
	 */
	static UserEvent read(JsonParser p, byte[] bytes) {
		if (!"type".equals(p.currentName()) || p.nextToken() != JsonToken.VALUE_STRING) {
			return null;
		}
		String type = p.getString();
		int kind = switch (type) {
			case "UserCreated" -> 1;
			case "UserUpdated" -> 2;
			case "UserDeactivated" -> 3;
			case "UserReactivated" -> 4;
			case "UserDeleted" -> 5;
			default -> 0;
		};
		if (kind == 0) {
			return null;
		}
		String eventId = null;
		String tenant = null;
		long version = 0;
		boolean hasVersion = false;
		Instant occurredAt = null;
		String correlationId = null;
		UserSnapshot user = null;
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			JsonToken token = p.nextToken();
			switch (name) {
				case "eventId" -> {
					if (token != JsonToken.VALUE_STRING) {
						return null;
					}
					eventId = p.getString();
				}
				case "tenant" -> {
					if (token != JsonToken.VALUE_STRING) {
						return null;
					}
					tenant = p.getString();
				}
				case "version" -> {
					if (token != JsonToken.VALUE_NUMBER_INT) {
						return null;
					}
					version = p.getLongValue();
					hasVersion = true;
				}
				case "occurredAt" -> {
					occurredAt = instant(p, token);
					if (occurredAt == null) {
						return null;
					}
				}
				case "correlationId" -> {
					if (token == JsonToken.VALUE_STRING) {
						correlationId = p.getString();
					}
					else if (token != JsonToken.VALUE_NULL) {
						return null;
					}
				}
				case "user" -> {
					if (token != JsonToken.START_OBJECT) {
						return null;
					}
					user = user(p, bytes);
					if (user == null) {
						return null;
					}
				}
				default -> p.skipChildren();
			}
		}
		if (!hasVersion || p.nextToken() != null) {
			return null;
		}
		return switch (kind) {
			case 1 -> new UserCreated(eventId, tenant, version, occurredAt, correlationId, user);
			case 2 -> new UserUpdated(eventId, tenant, version, occurredAt, correlationId, user);
			case 3 -> new UserDeactivated(eventId, tenant, version, occurredAt, correlationId, user);
			case 4 -> new UserReactivated(eventId, tenant, version, occurredAt, correlationId, user);
			default -> new UserDeleted(eventId, tenant, version, occurredAt, correlationId, user);
		};
	}

	private static UserSnapshot user(JsonParser p, byte[] bytes) {
		String id = null;
		String userName = null;
		String externalId = null;
		String givenName = null;
		String familyName = null;
		String displayName = null;
		String email = null;
		Boolean active = null;
		String role = null;
		ScimAttributes attributes = null;
		Instant created = null;
		Instant lastModified = null;
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			JsonToken token = p.nextToken();
			if (name.equals("active")) {
				if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
					return null;
				}
				active = token == JsonToken.VALUE_TRUE;
				continue;
			}
			if (name.equals("attributes")) {
				if (token == JsonToken.START_OBJECT) {
					attributes = attributes(p, bytes);
					if (attributes == null) {
						return null;
					}
				}
				else if (token != JsonToken.VALUE_NULL) {
					return null;
				}
				continue;
			}
			if (name.equals("created") || name.equals("lastModified")) {
				Instant value = instant(p, token);
				if (value == null) {
					return null;
				}
				if (name.equals("created")) {
					created = value;
				}
				else {
					lastModified = value;
				}
				continue;
			}
			String text;
			if (token == JsonToken.VALUE_STRING) {
				text = p.getString();
			}
			else if (token == JsonToken.VALUE_NULL) {
				text = null;
			}
			else {
				p.skipChildren();
				if (isStringMember(name)) {
					return null;
				}
				continue;
			}
			switch (name) {
				case "id" -> id = text;
				case "userName" -> userName = text;
				case "externalId" -> externalId = text;
				case "givenName" -> givenName = text;
				case "familyName" -> familyName = text;
				case "displayName" -> displayName = text;
				case "email" -> email = text;
				case "role" -> role = text;
				default -> {
					// an unknown member: ignored
				}
			}
		}
		if (active == null || created == null || lastModified == null || id == null || userName == null) {
			return null;
		}
		return new UserSnapshot(id, userName, externalId, givenName, familyName, displayName, email, active, role,
				attributes, created, lastModified);
	}

	/**
	 * The attributes as they are in the record (the encoder wrote them as their compact text), sliced out of the
	 * bytes instead of being rebuilt token by token; null when they hold something never kept (then data binding reads
	 * the record and drops it).
	 */
	private static ScimAttributes attributes(JsonParser p, byte[] bytes) {
		long start = p.currentTokenLocation().getByteOffset();
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			if (ScimAttributes.neverKept(name)) {
				return null;
			}
			p.nextToken();
			p.skipChildren();
		}
		long end = p.currentTokenLocation().getByteOffset() + 1;
		if (start < 0 || end <= start || end > bytes.length || bytes[(int) start] != '{' || bytes[(int) end - 1] != '}') {
			return null;
		}
		return new ScimAttributes(new String(bytes, (int) start, (int) (end - start), StandardCharsets.UTF_8));
	}

	private static boolean isStringMember(String name) {
		return switch (name) {
			case "id", "userName", "externalId", "givenName", "familyName", "displayName", "email", "role" -> true;
			default -> false;
		};
	}

	private static Instant instant(JsonParser p, JsonToken token) {
		return token == JsonToken.VALUE_STRING ? Instants.parseCommon(p.getString()) : null;
	}

}
