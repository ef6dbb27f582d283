package io.spotbridge.worker.links;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spotbridge.model.EventKey;
import io.spotbridge.worker.system.TopicProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The link store's view of groups: which groups list a user, and who hears of a user's Spot user changing. */
class LinkStoreTest {

	static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	final LinkStore links = new LinkStore(null, new TopicProperties("u", "g", "ul", "gl", 3, (short) 1, Duration.ZERO),
			new SimpleMeterRegistry());

	@Test
	void theStoreKnowsWhichGroupsListAUserAsOfTheirNewestLink() {
		links.apply(group("g1", 1, "ada", "bob"));
		links.apply(group("g2", 1, "ada"));
		links.apply(group("g1", 2, "bob"));
		links.apply(group("g2", 0, "carol"));

		assertThat(links.groupsListing(key("ada"))).containsExactly(key("g2"));
		assertThat(links.groupsListing(key("bob"))).containsExactly(key("g1"));
		assertThat(links.groupsListing(key("carol"))).isEmpty();

		links.apply(new GroupLink(key("g2"), "", 5, "deleted", List.of(), false, NOW));
		assertThat(links.groupsListing(key("ada"))).isEmpty();
	}

	@Test
	void listenersHearOfSpotUsersThatAppearChangeOrDisappearOnceCaughtUp() {
		List<EventKey> heard = new ArrayList<>();
		links.onSpotUserChange(heard::add);
		links.apply(user("early", "u-0", 1));
		links.markCaughtUp(Duration.ZERO);

		links.apply(user("ada", "u-1", 1));
		links.apply(user("ada", "u-1", 2));
		links.apply(user("ada", "u-1", 2));
		links.apply(user("ada", "", 3));
		links.apply(user("ada", "u-9", 1));
		links.apply(user("ada", "u-2", 4));
		links.apply(user("bob", "", 1));

		assertThat(heard).containsExactly(key("ada"), key("ada"), key("ada"));
	}

	@Test
	void recordsOfAVersionTheStoreHoldsAreSkippedWithoutDecodingAndNewerOnesAreRead() {
		links.apply(user("ada", "u-1", 2));

		// same version, other content: read, it would replace the held link (equal versions supersede)
		links.read(recordOf(LinkCodec.record("ul", user("ada", "u-1", 2)),
				new String(LinkCodec.encode(user("ada", "u-other", 2)), java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(links.find(key("ada")).orElseThrow().spotUserId()).isEqualTo("u-1");

		links.read(recordOf(LinkCodec.record("ul", user("ada", "u-7", 3)), null));
		links.read(recordOf(LinkCodec.record("gl", group("g1", 1, "ada")), null));

		assertThat(links.find(key("ada")).orElseThrow().spotUserId()).isEqualTo("u-7");
		assertThat(links.groupsListing(key("ada"))).containsExactly(key("g1"));
		assertThat(links.recordsRead()).isEqualTo(3);
	}

	@Test
	void ownWritesReadBackBeforeTheWriterAppliedThemAreSkippedAndAppliedByTheWriter() {
		UserLink link = user("ada", "u-1", 1);
		var sent = LinkCodec.record("ul", link);
		LinkStore.OwnWrite write = links.expectOwnWrite(sent.key(), sent.value());

		links.read(recordOf(sent, null));
		assertThat(links.find(key("ada"))).isEmpty();

		links.apply(link);
		links.ownWriteDone(sent.key(), write);
		assertThat(links.find(key("ada"))).contains(link);

		// once done, records of the key are read as any other
		links.read(recordOf(LinkCodec.record("ul", user("ada", "u-2", 2)), null));
		assertThat(links.find(key("ada")).orElseThrow().spotUserId()).isEqualTo("u-2");
	}

	@Test
	void anOwnWriteThatFailedIsAppliedWhenTheStoreHadReadItFromTheTopic() {
		UserLink seen = user("ada", "u-1", 1);
		var seenRecord = LinkCodec.record("ul", seen);
		LinkStore.OwnWrite seenWrite = links.expectOwnWrite(seenRecord.key(), seenRecord.value());
		links.read(recordOf(seenRecord, null));
		links.ownWriteFailed(seenRecord.key(), seenWrite, seen);
		assertThat(links.find(key("ada"))).contains(seen);

		UserLink lost = user("bob", "u-2", 1);
		var lostRecord = LinkCodec.record("ul", lost);
		LinkStore.OwnWrite lostWrite = links.expectOwnWrite(lostRecord.key(), lostRecord.value());
		links.ownWriteFailed(lostRecord.key(), lostWrite, lost);
		assertThat(links.find(key("bob"))).isEmpty();
	}

	@Test
	void aRecordOfTheSameKeyThatIsNotTheOwnWriteIsRead() {
		var own = LinkCodec.record("ul", user("ada", "u-1", 1));
		links.expectOwnWrite(own.key(), own.value());

		links.read(recordOf(LinkCodec.record("ul", user("ada", "u-other", 1)), null));

		assertThat(links.find(key("ada")).orElseThrow().spotUserId()).isEqualTo("u-other");
	}

	/** The record as a consumer reads it back; {@code value} replaces the encoded value when given. */
	private static org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> recordOf(
			org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> sent, String value) {
		org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> read = new org.apache.kafka.clients.consumer.ConsumerRecord<>(
				sent.topic(), 0, 0L, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, sent.key(),
				value == null ? sent.value() : value.getBytes(java.nio.charset.StandardCharsets.UTF_8), sent.headers(),
				java.util.Optional.empty());
		return read;
	}

	static EventKey key(String id) {
		return new EventKey("acme", id);
	}

	static UserLink user(String id, String spotUserId, long version) {
		return new UserLink(key(id), spotUserId, version, id + "@example.com", NOW);
	}

	static GroupLink group(String id, long version, String... scimMembers) {
		return new GroupLink(key(id), "ugr-" + id, version, id, List.of(scimMembers), false, NOW);
	}

}
