package io.spotbridge.model;

import tools.jackson.core.JsonGenerator;

/**
 * Writes user events without data binding, member by member: the ingress encodes one for every SCIM write. The text is
 * exactly what data binding writes for the same event (type first, record components in order, {@code null} members of
 * the snapshot left out, instants as {@link Instants#format}, the attributes as their raw JSON), with
 * {@code schemaVersion} in front; {@link UserEventReader} is its counterpart.
 */
final class UserEventWriter {

	private UserEventWriter() {
	}

	static void write(JsonGenerator out, UserEvent event) {
		out.writeStartObject();
		out.writeNumberProperty(EventCodec.SCHEMA_VERSION_FIELD, EventCodec.SCHEMA_VERSION);
		out.writeStringProperty("type", event.type());
		out.writeStringProperty("eventId", event.eventId());
		out.writeStringProperty("tenant", event.tenant());
		out.writeNumberProperty("version", event.version());
		out.writeStringProperty("occurredAt", Instants.format(event.occurredAt()));
		out.writeStringProperty("correlationId", event.correlationId());
		out.writeName("user");
		write(out, event.user());
		out.writeEndObject();
	}

	private static void write(JsonGenerator out, UserSnapshot user) {
		out.writeStartObject();
		out.writeStringProperty("id", user.id());
		out.writeStringProperty("userName", user.userName());
		optional(out, "externalId", user.externalId());
		optional(out, "givenName", user.givenName());
		optional(out, "familyName", user.familyName());
		optional(out, "displayName", user.displayName());
		optional(out, "email", user.email());
		out.writeBooleanProperty("active", user.active());
		optional(out, "role", user.role());
		out.writeName("attributes");
		out.writeRawValue(user.attributes().json());
		out.writeStringProperty("created", Instants.format(user.created()));
		out.writeStringProperty("lastModified", Instants.format(user.lastModified()));
		out.writeEndObject();
	}

	private static void optional(JsonGenerator out, String name, String value) {
		if (value != null) {
			out.writeStringProperty(name, value);
		}
	}

}
