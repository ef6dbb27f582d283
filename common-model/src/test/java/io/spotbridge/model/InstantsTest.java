package io.spotbridge.model;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstantsTest {

	@Test
	void formatsExactlyAsInstantToString() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 100_000; i++) {
			long seconds = random.nextLong(-70_000_000_000L, 300_000_000_000L);
			int nano = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1000;
				default -> random.nextInt(1_000_000_000);
			};
			Instant instant = Instant.ofEpochSecond(seconds, nano);
			assertThat(Instants.format(instant)).isEqualTo(instant.toString());
			assertThat(Instants.parse(instant.toString())).isEqualTo(instant);
		}
		assertThat(Instants.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
		assertThat(Instants.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
		assertThat(Instants.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
	}

	@Test
	void parsesAndRefusesExactlyAsInstantParse() {
		for (String text : new String[] { "2026-11-28T10:15:30Z", "2026-11-28T10:15:30.1Z", "2026-11-28T10:15:30.12Z",
				"2026-11-28T10:15:30.123456789Z", "2024-02-29T23:59:59.999Z", "2026-11-28T10:15:30+01:00",
				"2026-11-28T23:59:60Z" }) {
			assertThat(Instants.parse(text)).as(text).isEqualTo(Instant.parse(text));
		}
		for (String text : new String[] { "2026-02-30T10:15:30Z", "2026-11-28T24:15:30Z", "2026-11-28 10:15:30Z",
				"2026-11-28T10:15:30.Z", "2026-11-28T10:15:30.1234567890Z", "2026-1x-28T10:15:30Z", "" }) {
			Instant jdk;
			try {
				jdk = Instant.parse(text);
			}
			catch (java.time.format.DateTimeParseException ex) {
				assertThatThrownBy(() -> Instants.parse(text)).as(text)
					.isInstanceOf(java.time.format.DateTimeParseException.class);
				continue;
			}
			assertThat(Instants.parse(text)).as(text).isEqualTo(jdk);
		}
	}

}
