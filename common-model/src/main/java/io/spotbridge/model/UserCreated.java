package io.spotbridge.model;

import java.time.Instant;

/** A user was created (POST /Users). */
public record UserCreated(String eventId, String tenant, long version, Instant occurredAt, String correlationId,
		UserSnapshot user) implements UserEvent {

	public UserCreated {
		EventChecks.require(eventId, tenant, version, occurredAt, user);
		correlationId = correlationId == null ? "" : correlationId;
	}

}
