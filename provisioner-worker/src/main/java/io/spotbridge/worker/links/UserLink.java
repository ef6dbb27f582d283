package io.spotbridge.worker.links;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.spotbridge.model.EventKey;

/**
 * What the worker last did for one SCIM user: the Spot user it maps to (none after a deletion) and the event version it
 * applied. The version is the fence: an event not newer than it is skipped.
 *
 * @param key            {@code <tenant>/<scimUserId>}
 * @param spotUserId     the Spot user's id; empty when the user was deleted from Spot (or never needed one)
 * @param appliedVersion the version of the last event applied
 * @param email          the email the Spot user was created with
 * @param updatedAt      when the link was written
 */
public record UserLink(EventKey key, String spotUserId, long appliedVersion, String email, Instant updatedAt) {

	public UserLink {
		Objects.requireNonNull(key, "key");
		spotUserId = spotUserId == null ? "" : spotUserId;
		email = email == null ? "" : email;
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

	public Optional<String> spotUser() {
		return Optional.of(spotUserId).filter(id -> !id.isEmpty());
	}

	/** Whether this link records a newer state than the other (higher applied version). */
	public boolean supersedes(UserLink other) {
		return appliedVersion >= other.appliedVersion;
	}

}
