package io.spotbridge.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingress keeps a snapshot of every user in memory, so values that are commonly equal are held once: the email
 * when it is the userName (as Okta usually sends it), lastModified when it is the creation time, and role names.
 */
class UserSnapshotTest {

	private static final Instant CREATED = Instant.parse("2026-11-28T10:15:30.123Z");

	@Test
	void anEmailEqualToTheUserNameIsHeldOnce() {
		String userName = new String("ada@example.com".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		String email = new String("ada@example.com".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

		UserSnapshot user = snapshot(userName, email, null, CREATED, Instant.parse("2026-11-28T10:15:30.123Z"));

		assertThat(user.email()).isSameAs(user.userName()).isEqualTo("ada@example.com");
	}

	@Test
	void aDifferentEmailIsKeptAsSent() {
		UserSnapshot user = snapshot("Ada@Example.com", "ada@example.com", null, CREATED, CREATED);

		assertThat(user.email()).isEqualTo("ada@example.com");
		assertThat(user.userName()).isEqualTo("Ada@Example.com");
	}

	@Test
	void lastModifiedEqualToCreatedIsHeldOnceAndALaterOneIsKept() {
		UserSnapshot fresh = snapshot("ada@example.com", null, null, CREATED, Instant.parse("2026-11-28T10:15:30.123Z"));
		Instant later = CREATED.plusSeconds(5);
		UserSnapshot modified = snapshot("ada@example.com", null, null, CREATED, later);

		assertThat(fresh.lastModified()).isSameAs(fresh.created());
		assertThat(modified.lastModified()).isEqualTo(later);
	}

	@Test
	void roleNamesAreSharedAndEqualSnapshotsStayEqual() {
		UserSnapshot a = snapshot("a@example.com", null, new String("Viewer".toCharArray()), CREATED, CREATED);
		UserSnapshot b = snapshot("b@example.com", null, new String("Viewer".toCharArray()), CREATED, CREATED);

		assertThat(a.role()).isSameAs(b.role()).isEqualTo("Viewer");
		assertThat(snapshot("a@example.com", "a@example.com", "Viewer", CREATED, CREATED))
			.isEqualTo(snapshot("a@example.com", "a@example.com", "Viewer", CREATED, CREATED));
	}

	private static UserSnapshot snapshot(String userName, String email, String role, Instant created,
			Instant lastModified) {
		return new UserSnapshot("u1", userName, "00u1", "Ada", "Lovelace", "Ada Lovelace", email, true, role, null,
				created, lastModified);
	}

}
