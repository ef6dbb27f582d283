package io.spotbridge.ingress.users;

import java.time.Instant;
import java.util.Optional;

import io.spotbridge.ingress.directory.UserEntry;
import io.spotbridge.ingress.scim.ScimJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserFiltersTest {

	static final UserEntry ADA = new UserEntry(UserResources.toSnapshot(ScimJson.parseObject("""
			{"userName":"Ada.Lovelace@Example.com","externalId":"00uAda","name":{"givenName":"Ada"},"active":"True",
			 "emails":[{"value":"ada@work.example","primary":true},{"value":"ada@home.example"}]}"""), "u1",
			Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-01T10:00:00Z")), 2);

	static boolean matches(String filter) {
		return UserFilters.parse(Optional.of(filter)).orElseThrow().matches(ADA);
	}

	@Test
	void theUserNameShortcutAgreesWithTheGeneralParser() {
		for (String filter : new String[] { "userName eq \"ada.lovelace@example.com\"", "USERNAME EQ \"Ada\"",
				"userName eq \"\"", "userName eq \"a b\"", "userName eq \"ünï\"" }) {
			assertThat(UserFilters.userNameEquals(filter)).as(filter)
				.isEqualTo(UserFilters.parse(Optional.of(filter)).orElseThrow().equalityOn("username"))
				.isPresent();
		}
		for (String filter : new String[] { "userName eq \"a\" or userName eq \"b\"", "userName eq \"a\\\"b\"",
				"userName  eq \"a\"", "userName ne \"a\"", "userName eq true", "userName eq \"a\" and active eq true",
				"userNames eq \"a\"", "displayName eq \"a\"", "userName eq \"a\\u0041\"", "userName eq \"" }) {
			assertThat(UserFilters.userNameEquals(filter)).as(filter).isEmpty();
		}
	}

	@Test
	void oktasUserNameFilterIgnoresCase() {
		assertThat(matches("userName eq \"ada.lovelace@example.com\"")).isTrue();
		assertThat(UserFilters.parse(Optional.of("userName eq \"ADA.LOVELACE@EXAMPLE.COM\"")).orElseThrow()
			.equalityOn("username")).contains("ADA.LOVELACE@EXAMPLE.COM");
	}

	@Test
	void externalIdRespectsCase() {
		assertThat(matches("externalId eq \"00uAda\"")).isTrue();
		assertThat(matches("externalId eq \"00uada\"")).isFalse();
	}

	@Test
	void everyEmailValueCanBeFilteredOn() {
		assertThat(matches("emails[value eq \"ada@home.example\"]")).isTrue();
		assertThat(matches("emails.value eq \"ADA@WORK.EXAMPLE\"")).isTrue();
		assertThat(matches("emails[value eq \"grace@example.com\"]")).isFalse();
	}

	@Test
	void activeSentAsAStringIsFilteredAsABoolean() {
		assertThat(matches("active eq true")).isTrue();
		assertThat(matches("active eq \"true\"")).isTrue();
		assertThat(matches("active eq false")).isFalse();
	}

	@Test
	void metaTimestampsAreComparedAsInstants() {
		assertThat(matches("meta.lastModified gt \"2026-02-01T00:00:00Z\"")).isTrue();
		assertThat(matches("meta.created gt \"2026-02-01T00:00:00Z\"")).isFalse();
		assertThat(matches("name.givenName sw \"ad\" and meta.lastModified lt \"2027-01-01T00:00:00Z\"")).isTrue();
	}

}
