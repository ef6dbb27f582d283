package io.spotbridge.model;

import java.time.Instant;

/** A user's attributes changed (PUT or PATCH) without a change of {@code active}. */
public record UserUpdated(String eventId, String tenant, long version, Instant occurredAt, String correlationId,
		UserSnapshot user) implements UserEvent {

	public UserUpdated {
		EventChecks.require(eventId, tenant, version, occurredAt, user);
		correlationId = correlationId == null ? "" : correlationId;
	}

}
