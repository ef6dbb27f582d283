package io.spotbridge.model;

import java.time.Instant;

/** A user went from inactive to active: Spot must have it again. */
public record UserReactivated(String eventId, String tenant, long version, Instant occurredAt, String correlationId,
		UserSnapshot user) implements UserEvent {

	public UserReactivated {
		EventChecks.require(eventId, tenant, version, occurredAt, user);
		correlationId = correlationId == null ? "" : correlationId;
	}

}
