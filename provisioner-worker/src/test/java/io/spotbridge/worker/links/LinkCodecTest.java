package io.spotbridge.worker.links;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.spotbridge.model.EventKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkCodecTest {

	@Test
	void aLinkSurvivesTheRoundTrip() {
		UserLink link = new UserLink(new EventKey("acme", "123"), "u-abc", 7, "a@x.io",
				Instant.parse("2026-01-02T03:04:05Z"));

		byte[] encoded = LinkCodec.encode(link);

		assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(
				"{\"schemaVersion\":1,\"spotUserId\":\"u-abc\",\"appliedVersion\":7,\"email\":\"a@x.io\","
						+ "\"updatedAt\":\"2026-01-02T03:04:05Z\"}");
		assertThat(LinkCodec.decode("acme/123", encoded)).isEqualTo(link);
	}

	@Test
	void aDeletedUsersLinkHasNoSpotUser() {
		UserLink gone = new UserLink(new EventKey("acme", "1"), "", 3, "a@x.io", Instant.now());

		assertThat(LinkCodec.decode("acme/1", LinkCodec.encode(gone)).spotUser()).isEmpty();
	}

	@Test
	void theHigherAppliedVersionSupersedes() {
		UserLink older = new UserLink(new EventKey("acme", "1"), "u-1", 3, "", Instant.now());
		UserLink newer = new UserLink(new EventKey("acme", "1"), "", 4, "", Instant.now());

		assertThat(newer.supersedes(older)).isTrue();
		assertThat(older.supersedes(newer)).isFalse();
	}

	@Test
	void garbageIsRefused() {
		assertThatThrownBy(() -> LinkCodec.decode("acme/1", "{".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> LinkCodec.decode("acme/1", "{}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> LinkCodec.decode("no-slash", "{\"appliedVersion\":1}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aGroupLinkRoundTripsWithItsMembers() {
		GroupLink link = new GroupLink(io.spotbridge.model.EventKey.parse("acme/g1"), "ugr-1", 4, "Spot Admins",
				java.util.List.of("u1", "u2"), true, java.time.Instant.parse("2026-11-28T10:00:00Z"));

		GroupLink read = LinkCodec.decodeGroup("acme/g1", LinkCodec.encode(link));

		org.assertj.core.api.Assertions.assertThat(read).isEqualTo(link);
	}

	@Test
	void aDeletedGroupLinkHasNoSpotGroup() {
		GroupLink read = LinkCodec.decodeGroup("acme/g1",
				"{\"schemaVersion\":1,\"spotGroupId\":\"\",\"appliedVersion\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

		org.assertj.core.api.Assertions.assertThat(read.spotGroup()).isEmpty();
		org.assertj.core.api.Assertions.assertThat(read.members()).isEmpty();
		org.assertj.core.api.Assertions.assertThat(read.mappedPolicies()).isFalse();
	}

}
