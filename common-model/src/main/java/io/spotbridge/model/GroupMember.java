package io.spotbridge.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A member of a SCIM group: the SCIM id of a user ({@code value}) and its display text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupMember(String value, String display) {

	public GroupMember {
		Objects.requireNonNull(value, "value");
	}

}
