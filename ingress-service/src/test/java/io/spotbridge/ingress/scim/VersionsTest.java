package io.spotbridge.ingress.scim;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

	@Test
	void theETagIsTheVersionAsAWeakTag() {
		assertThat(Versions.etag(3)).isEqualTo("W/\"3\"");
	}

	@Test
	void anAbsentOrBlankIfMatchAlwaysPasses() {
		assertThatCode(() -> Versions.checkIfMatch(Optional.empty(), 3)).doesNotThrowAnyException();
		assertThatCode(() -> Versions.checkIfMatch(Optional.of("  "), 3)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "W/\"3\"", "\"3\"", " W/\"3\" ", "W/\"1\", W/\"3\"", "W/\"2\",\"3\"", "W/\"9\", *" })
	void anIfMatchNamingTheCurrentVersionOrAnyPasses(String ifMatch) {
		assertThatCode(() -> Versions.checkIfMatch(Optional.of(ifMatch), 3)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "W/\"2\"", "\"4\"", "W/\"2\", W/\"4\"", "3", "W/\"33\"" })
	void anIfMatchNamingAnotherVersionFailsThePrecondition(String ifMatch) {
		assertThatThrownBy(() -> Versions.checkIfMatch(Optional.of(ifMatch), 3))
			.isInstanceOfSatisfying(ScimProblem.class, problem -> {
				assertThat(problem.status()).isEqualTo(412);
				assertThat(problem.getMessage()).contains("W/\"3\"");
			});
	}

}
