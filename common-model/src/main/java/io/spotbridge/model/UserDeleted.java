package io.spotbridge.model;

import java.time.Instant;

/** A user was deleted (DELETE /Users/{id}); the snapshot is its last state. */
public record UserDeleted(String eventId, String tenant, long version, Instant occurredAt, String correlationId,
		UserSnapshot user) implements UserEvent {

	public UserDeleted {
		EventChecks.require(eventId, tenant, version, occurredAt, user);
		correlationId = correlationId == null ? "" : correlationId;
	}

}
