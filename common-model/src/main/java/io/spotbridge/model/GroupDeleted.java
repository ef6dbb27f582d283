package io.spotbridge.model;

import java.time.Instant;

/** A group was deleted (DELETE /Groups/{id}); the snapshot is its last state. */
public record GroupDeleted(String eventId, String tenant, long version, Instant occurredAt, String correlationId,
		GroupSnapshot group) implements GroupEvent {

	public GroupDeleted {
		EventChecks.require(eventId, tenant, version, occurredAt, group);
		correlationId = correlationId == null ? "" : correlationId;
	}

}
