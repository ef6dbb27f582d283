package io.spotbridge.worker.reconcile;

import java.time.Instant;

import io.spotbridge.model.ScimAttributes;
import io.spotbridge.model.UserSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameSanitizerTest {

	@Test
	void charactersSpotRejectsAreRemoved() {
		NameSanitizer.Names names = NameSanitizer.names(user("Ann+Marie", "O=Neil@Home", null), "a@x.io");

		assertThat(names.firstName()).isEqualTo("Ann Marie");
		assertThat(names.lastName()).isEqualTo("O Neil Home");
	}

	@Test
	void whitespaceIsTrimmedAndCollapsed() {
		assertThat(NameSanitizer.sanitize("  Ada \t  Byron ")).hasValue("Ada Byron");
	}

	@Test
	void emptyNamesFallBackToTheDisplayName() {
		NameSanitizer.Names names = NameSanitizer.names(user(" ", null, "Grace Brewster Hopper"), "g@x.io");

		assertThat(names.firstName()).isEqualTo("Grace");
		assertThat(names.lastName()).isEqualTo("Brewster Hopper");
	}

	@Test
	void withoutAnyNameTheFirstNameIsTheEmailLocalPart() {
		NameSanitizer.Names names = NameSanitizer.names(user(null, "+=@", null), "j.doe+okta@x.io");

		assertThat(names.firstName()).isEqualTo("j.doe okta");
		assertThat(names.lastName()).isEqualTo(NameSanitizer.FALLBACK_LAST);
	}

	@Test
	void aNameOfOnlyForbiddenCharactersCountsAsEmpty() {
		assertThat(NameSanitizer.sanitize("+=@")).isEmpty();
		assertThat(NameSanitizer.sanitize(null)).isEmpty();
	}

	private static UserSnapshot user(String given, String family, String display) {
		Instant now = Instant.now();
		return new UserSnapshot("id", "u@x.io", null, given, family, display, "u@x.io", true, null,
				ScimAttributes.EMPTY, now, now);
	}

}
