package io.spotbridge.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The whole state of one SCIM group after a change: name and the full member list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupSnapshot(String id, String displayName, String externalId, List<GroupMember> members,
		Instant created, Instant lastModified) {

	public GroupSnapshot {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(displayName, "displayName");
		Objects.requireNonNull(created, "created");
		Objects.requireNonNull(lastModified, "lastModified");
		members = members == null ? List.of() : List.copyOf(members);
	}

}
