package io.spotbridge.model;

/** Names of the Kafka topics that make up the bridge's contract. Deployments may override them in configuration. */
public final class Topics {

	/** Compacted; key {@code <tenant>/<scimUserId>}; value: a {@link UserEvent}. */
	public static final String USER_EVENTS = "scim.user-events";

	/** Compacted; key {@code <tenant>/<scimGroupId>}; value: a {@link GroupEvent}. */
	public static final String GROUP_EVENTS = "scim.group-events";

	/** Compacted; key {@code <tenant>/<scimUserId>}; value: the worker's link to the Spot user and the applied version. */
	public static final String USER_LINKS = "spot.user-links";

	/**
	 * Compacted; key {@code <tenant>/<scimGroupId>}; value: the worker's link to the Spot user group, the applied
	 * version and the SCIM members it was applied with.
	 */
	public static final String GROUP_LINKS = "spot.group-links";

	/** Suffix of a topic's dead-letter topic ({@code scim.user-events-dlt}). */
	public static final String DEAD_LETTER_SUFFIX = "-dlt";

	private Topics() {
	}

	public static String deadLetterTopic(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
