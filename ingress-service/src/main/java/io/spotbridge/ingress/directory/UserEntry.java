package io.spotbridge.ingress.directory;

import io.spotbridge.model.UserSnapshot;

/** A user as the directory holds it: its state and the version of the event that produced it. */
public record UserEntry(UserSnapshot user, long version) {

	public String id() {
		return user.id();
	}

}
