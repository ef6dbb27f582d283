package io.spotbridge.model;

import java.time.Instant;

/** A group was pushed (POST /Groups). */
public record GroupCreated(String eventId, String tenant, long version, Instant occurredAt, String correlationId,
		GroupSnapshot group) implements GroupEvent {

	public GroupCreated {
		EventChecks.require(eventId, tenant, version, occurredAt, group);
		correlationId = correlationId == null ? "" : correlationId;
	}

}
