package io.spotbridge.model;

import java.time.Instant;

/** A user went from active to inactive: Spot must no longer have it. */
public record UserDeactivated(String eventId, String tenant, long version, Instant occurredAt, String correlationId,
		UserSnapshot user) implements UserEvent {

	public UserDeactivated {
		EventChecks.require(eventId, tenant, version, occurredAt, user);
		correlationId = correlationId == null ? "" : correlationId;
	}

}
