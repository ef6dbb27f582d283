package io.spotbridge.worker.spot;

import java.util.Objects;

/**
 * The body of {@code POST /setup/user}. The password is random and never used (users sign in through Okta); it is
 * kept out of {@link #toString()}.
 */
public record NewSpotUser(String email, String firstName, String lastName, String password, String role) {

	public NewSpotUser {
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(firstName, "firstName");
		Objects.requireNonNull(lastName, "lastName");
		Objects.requireNonNull(password, "password");
		Objects.requireNonNull(role, "role");
	}

	@Override
	public String toString() {
		return "NewSpotUser[email=" + email + ", firstName=" + firstName + ", lastName=" + lastName + ", role=" + role
				+ ", password=****]";
	}

}
