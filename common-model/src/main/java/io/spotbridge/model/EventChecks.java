package io.spotbridge.model;

import java.time.Instant;
import java.util.Objects;

final class EventChecks {

	private EventChecks() {
	}

	static void require(String eventId, String tenant, long version, Instant occurredAt, Object snapshot) {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(snapshot, "snapshot");
		if (version < 1) {
			throw new IllegalArgumentException("version must be >= 1, was " + version);
		}
	}

}
