package io.spotbridge.worker.replay;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayAdminAuthTest {

	@Test
	void withoutAConfiguredTokenTheAdminApiIsDisabled() {
		AdminAuth auth = new AdminAuth("  ");
		assertThat(auth.enabled()).isFalse();
		assertThatThrownBy(() -> auth.check("Bearer anything")).isInstanceOfSatisfying(ResponseStatusException.class,
				ex -> {
					assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
					assertThat(ex.getReason()).isEqualTo("admin API disabled");
				});
	}

	@Test
	void aMissingBearerIs401AWrongTokenIs403AndTheRightOnePasses() {
		AdminAuth auth = new AdminAuth("s3cret-admin");
		assertThatThrownBy(() -> auth.check(null)).isInstanceOfSatisfying(ResponseStatusException.class,
				ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
		assertThatThrownBy(() -> auth.check("Basic abc")).isInstanceOfSatisfying(ResponseStatusException.class,
				ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
		assertThatThrownBy(() -> auth.check("Bearer s3cret-admiN")).isInstanceOfSatisfying(
				ResponseStatusException.class, ex -> {
					assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
					assertThat(ex.getReason()).doesNotContain("s3cret");
				});
		auth.check("Bearer s3cret-admin");
		auth.check("bearer s3cret-admin");
	}

	@Test
	void filtersMatchExactly() {
		java.time.Instant t = java.time.Instant.parse("2026-01-01T00:00:00Z");
		DeadLetter letter = new DeadLetter("acme", "u1", "UserCreated", 1, "io.spotbridge.worker.spot.PermanentSpotException",
				"400", 1, t, 0, false, "scim.user-events-dlt", 0, 5);
		assertThat(DeadLetterFilter.ALL.matches(letter)).isTrue();
		assertThat(new DeadLetterFilter("acme", "u1", "PermanentSpotException", t, t.plusSeconds(1)).matches(letter))
			.isTrue();
		assertThat(new DeadLetterFilter(null, null, "io.spotbridge.worker.spot.PermanentSpotException", null, null)
			.matches(letter)).isTrue();
		assertThat(new DeadLetterFilter("acm", null, null, null, null).matches(letter)).isFalse();
		assertThat(new DeadLetterFilter(null, "u", null, null, null).matches(letter)).isFalse();
		assertThat(new DeadLetterFilter(null, null, "SpotException", null, null).matches(letter)).isFalse();
		assertThat(new DeadLetterFilter(null, null, null, t.plusMillis(1), null).matches(letter)).isFalse();
		assertThat(new DeadLetterFilter(null, null, null, null, t).matches(letter)).isFalse();
	}

	@Test
	void theActorIsSanitizedForLogsAndHeaders() {
		assertThat(Replayer.sanitize(null)).isEqualTo("unknown");
		assertThat(Replayer.sanitize("ops@example.com")).isEqualTo("ops@example.com");
		assertThat(Replayer.sanitize("evil\nInjected line")).isEqualTo("evil_Injected_line");
		assertThat(Replayer.describe(new DeadLetterFilter("acme\nfake", null, null, null, null)))
			.isEqualTo("tenant=acme_fake user=* error=* since=null until=null");
	}

}
