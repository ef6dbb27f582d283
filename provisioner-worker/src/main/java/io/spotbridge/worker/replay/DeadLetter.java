package io.spotbridge.worker.replay;

import java.time.Instant;

/**
 * One record of the dead-letter topic as an operator sees it.
 *
 * @param tenant       the tenant of the key ({@code <tenant>/<scimId>})
 * @param userId       the SCIM id of the key: a user's, or a group's for a dead letter of a group event
 * @param eventType    the event's type ({@code UserCreated}, ...), {@code ?} when the value is unreadable
 * @param version      the event's version, -1 when unreadable
 * @param errorClass   {@code x-exception-class}
 * @param errorMessage {@code x-exception-message}
 * @param attempts     {@code x-attempts}
 * @param firstFailure {@code x-first-failure}
 * @param replayCount  {@code x-replay-count}: how many times the record was already replayed before it failed again
 * @param superseded   a newer version of the user exists on the events topic, the worker already applied this
 *                     version or a newer one, or this letter was already replayed
 * @param topic        the dead-letter topic ({@code scim.user-events-dlt} or {@code scim.group-events-dlt})
 * @param partition    partition of the dead letter
 * @param offset       offset of the dead letter
 */
public record DeadLetter(String tenant, String userId, String eventType, long version, String errorClass,
		String errorMessage, int attempts, Instant firstFailure, int replayCount, boolean superseded, String topic,
		int partition, long offset) {

	public String key() {
		return tenant + "/" + userId;
	}

}
