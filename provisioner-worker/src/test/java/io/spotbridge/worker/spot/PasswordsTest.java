package io.spotbridge.worker.spot;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {

	@RepeatedTest(20)
	void passwordsAreLongAndMixed() {
		String password = Passwords.generate();

		assertThat(password).hasSize(24).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]")
			.containsPattern("[!#$%*\\-_?]");
	}

	@Test
	void passwordsDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			assertThat(seen.add(Passwords.generate())).isTrue();
		}
	}

	@Test
	void theNewUserBodyNeverShowsItsPassword() {
		NewSpotUser user = new NewSpotUser("a@x.io", "A", "B", "Sup3r-Secret!", "viewer");

		assertThat(user.toString()).doesNotContain("Sup3r-Secret!").contains("password=****");
	}

}
