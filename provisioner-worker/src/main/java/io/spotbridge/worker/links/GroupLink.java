package io.spotbridge.worker.links;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.spotbridge.model.EventKey;

/**
 * What the worker last did for one SCIM group: the Spot user group it maps to (none after a deletion), the event
 * version it applied, and the SCIM members that version listed. The members let the worker find the groups of a user
 * whose Spot user appears or disappears later, so that the group's Spot membership follows.
 *
 * @param key             {@code <tenant>/<scimGroupId>}
 * @param spotGroupId     the Spot user group's id; empty when the group was deleted from Spot
 * @param appliedVersion  the version of the last group event applied
 * @param name            the display name the Spot group was given
 * @param members         the SCIM user ids of the group's members at that version
 * @param mappedPolicies  whether the worker set the group's policies from the tenant's group mapping
 * @param updatedAt       when the link was written
 */
public record GroupLink(EventKey key, String spotGroupId, long appliedVersion, String name, List<String> members,
		boolean mappedPolicies, Instant updatedAt) {

	public GroupLink {
		Objects.requireNonNull(key, "key");
		spotGroupId = spotGroupId == null ? "" : spotGroupId;
		name = name == null ? "" : name;
		members = members == null ? List.of() : List.copyOf(members);
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

	public Optional<String> spotGroup() {
		return Optional.of(spotGroupId).filter(id -> !id.isEmpty());
	}

	/** Whether this link records a newer state than the other (higher applied version). */
	public boolean supersedes(GroupLink other) {
		return appliedVersion >= other.appliedVersion;
	}

	/** The key of a member of this group, in the group's tenant. */
	public EventKey memberKey(String scimUserId) {
		return new EventKey(key.tenant(), scimUserId);
	}

}
