package io.spotbridge.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The whole state of one SCIM user after a change (event-carried state). The typed fields are what the bridge reasons
 * about; {@link #attributes()} is the resource as sent, for echoing back. Never holds a password or a token.
 *
 * @param id          the SCIM id the ingress assigned
 * @param userName    as sent (uniqueness is case-insensitive)
 * @param externalId  Okta's user id, or {@code null}
 * @param givenName   {@code name.givenName}, or {@code null}
 * @param familyName  {@code name.familyName}, or {@code null}
 * @param displayName or {@code null}
 * @param email       the primary (else first) email, or {@code null}
 * @param active      SCIM {@code active}
 * @param role        the Spot role Okta assigned (from {@code roles[]}, {@code role} or the extension), or {@code null}
 * @param attributes  the resource as sent, without secrets and read-only attributes
 * @param created     when the user was created
 * @param lastModified when this state was accepted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserSnapshot(String id, String userName, String externalId, String givenName, String familyName,
		String displayName, String email, boolean active, String role, ScimAttributes attributes, Instant created,
		Instant lastModified) {

	public UserSnapshot {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(userName, "userName");
		Objects.requireNonNull(created, "created");
		Objects.requireNonNull(lastModified, "lastModified");
		attributes = attributes == null ? ScimAttributes.EMPTY : attributes;
		// the ingress directory holds a snapshot per user: share what is commonly equal instead of keeping it twice
		if (email != null && email.equals(userName)) {
			email = userName;
		}
		if (lastModified.equals(created)) {
			lastModified = created;
		}
		if (role != null) {
			role = role.intern(); // a handful of role names
		}
	}

	public Optional<String> roleName() {
		return Optional.ofNullable(role).filter(r -> !r.isBlank());
	}

	public Optional<String> primaryEmail() {
		return Optional.ofNullable(email).filter(e -> !e.isBlank());
	}

	public UserSnapshot withActive(boolean newActive, Instant at) {
		return new UserSnapshot(id, userName, externalId, givenName, familyName, displayName, email, newActive, role,
				attributes, created, at);
	}

}
