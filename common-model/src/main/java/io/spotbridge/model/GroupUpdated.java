package io.spotbridge.model;

import java.time.Instant;

/** A group was renamed or its members were added, removed or replaced (PUT or PATCH). */
public record GroupUpdated(String eventId, String tenant, long version, Instant occurredAt, String correlationId,
		GroupSnapshot group) implements GroupEvent {

	public GroupUpdated {
		EventChecks.require(eventId, tenant, version, occurredAt, group);
		correlationId = correlationId == null ? "" : correlationId;
	}

}
