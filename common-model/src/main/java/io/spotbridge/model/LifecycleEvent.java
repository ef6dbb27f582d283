package io.spotbridge.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A change the ingress accepted from Okta, published to Kafka before Okta got its answer. Every event carries the full
 * state after the change, so the latest event per key is both the directory entry and the desired Spot state.
 *
 * <p>
 * Invariant: {@link #version()} grows by one with every accepted change of one resource; consumers ignore a record
 * whose version is not newer than the one they already applied for its key (max version wins).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(UserCreated.class), @JsonSubTypes.Type(UserUpdated.class),
		@JsonSubTypes.Type(UserDeactivated.class), @JsonSubTypes.Type(UserReactivated.class),
		@JsonSubTypes.Type(UserDeleted.class), @JsonSubTypes.Type(GroupCreated.class),
		@JsonSubTypes.Type(GroupUpdated.class), @JsonSubTypes.Type(GroupDeleted.class) })
public sealed interface LifecycleEvent permits UserEvent, GroupEvent {

	String eventId();

	String tenant();

	long version();

	Instant occurredAt();

	/** Correlation id of the SCIM request that caused the change; empty when unknown. */
	String correlationId();

	/** The id of the user or group the event is about. */
	String resourceId();

	default EventKey key() {
		return new EventKey(tenant(), resourceId());
	}

	/** The event's type name as written on the wire ({@code UserCreated}, ...). */
	default String type() {
		return getClass().getSimpleName();
	}

}
