package io.spotbridge.worker.reconcile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.spotbridge.model.EventCodec;
import io.spotbridge.model.EventCodecException;
import io.spotbridge.model.UserEvent;
import io.spotbridge.worker.support.Events;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPlanTest {

	private static final String TOPIC = "scim.user-events";

	private final EventCodec codec = new EventCodec();

	private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

	@Test
	void aUsersBacklogCoalescesToItsNewestEvent() {
		Events.UserBuilder ann = Events.user("acme");
		Events.UserBuilder bob = Events.user("acme");
		add(0, ann.created());
		add(0, bob.created());
		add(0, ann.next().role("Editor").updated());
		add(0, ann.next().deactivated());

		BatchPlan plan = BatchPlan.of(records, codec);

		assertThat(plan.work()).hasSize(2);
		KeyWork annWork = plan.work().get(0);
		assertThat(annWork.event().version()).isEqualTo(3);
		assertThat(annWork.event().type()).isEqualTo("UserDeactivated");
		assertThat(annWork.firstOffset()).isEqualTo(0);
		assertThat(annWork.coalesced()).extracting(e -> e.version()).containsExactly(1L, 2L);
		assertThat(plan.work().get(1).coalesced()).isEmpty();
	}

	@Test
	void theHighestVersionWinsEvenWhenItIsNotTheLastRecord() {
		Events.UserBuilder ann = Events.user("acme");
		add(1, ann.version(5).updated());
		add(1, ann.version(4).updated());

		KeyWork work = BatchPlan.of(records, codec).work().get(0);

		assertThat(work.event().version()).isEqualTo(5);
		assertThat(work.record().offset()).isEqualTo(0);
	}

	@Test
	void undecodableRecordsAndMismatchedKeysAreInvalid() {
		Events.UserBuilder ann = Events.user("acme");
		records.add(record(0, "acme/x", "{oops".getBytes(StandardCharsets.UTF_8)));
		records.add(record(0, "acme/other", codec.encode(ann.created())));
		records.add(record(0, "acme/tombstone", null));

		BatchPlan plan = BatchPlan.of(records, codec);

		assertThat(plan.work()).isEmpty();
		assertThat(plan.invalid()).hasSize(2);
		assertThat(plan.invalid().get(0).reason()).isInstanceOf(EventCodecException.class);
		assertThat(plan.invalid().get(1).reason()).isInstanceOf(UnprocessableEventException.class);
	}

	@Test
	void withoutDeferralsEachPartitionIsCommittedPastItsLastRecord() {
		add(0, Events.user("acme").created());
		add(2, Events.user("acme").created());
		add(2, Events.user("acme").created());
		List<ItemResult> results = List.of(ItemResult.done(tp(0), 0), ItemResult.done(tp(2), 0),
				ItemResult.done(tp(2), 1));

		CommitPlan plan = CommitPlan.of(records, results);

		assertThat(plan.commits()).containsOnlyKeys(tp(0), tp(2));
		assertThat(plan.commits().get(tp(0)).offset()).isEqualTo(1);
		assertThat(plan.commits().get(tp(2)).offset()).isEqualTo(2);
		assertThat(plan.seeks()).isEmpty();
		assertThat(plan.pauses()).isEmpty();
	}

	@Test
	void aDeferredUserHoldsItsPartitionAtItsFirstRecordAndPausesIt() {
		for (int i = 0; i < 5; i++) {
			add(0, Events.user("acme").created());
		}
		add(1, Events.user("acme").created());
		Deferral outage = new Deferral("acme", Deferral.Reason.OUTAGE, Instant.now().plus(Duration.ofSeconds(1)));
		List<ItemResult> results = List.of(ItemResult.done(tp(0), 0), ItemResult.deferred(tp(0), 3, outage),
				ItemResult.deferred(tp(0), 2, outage), ItemResult.done(tp(0), 4), ItemResult.done(tp(1), 0));

		CommitPlan plan = CommitPlan.of(records, results);

		assertThat(plan.commits().get(tp(0)).offset()).isEqualTo(2);
		assertThat(plan.commits().get(tp(1)).offset()).isEqualTo(1);
		assertThat(plan.seeks()).isEqualTo(Map.of(tp(0), 2L));
		assertThat(plan.pauses()).containsOnlyKeys(tp(0));
		assertThat(plan.pauses().get(tp(0))).hasSize(2);
	}

	@Test
	void anAbandonedBatchRewindsEveryPartitionAndCommitsNothing() {
		add(0, Events.user("acme").created());
		add(0, Events.user("acme").created());
		add(1, Events.user("acme").created());

		CommitPlan plan = CommitPlan.rewind(records);

		assertThat(plan.commits()).isEmpty();
		assertThat(plan.seeks()).isEqualTo(Map.of(tp(0), 0L, tp(1), 0L));
		assertThat(plan.pauses()).isEmpty();
	}

	private void add(int partition, UserEvent event) {
		records.add(record(partition, event.key().toString(), codec.encode(event)));
	}

	private ConsumerRecord<String, byte[]> record(int partition, String key, byte[] value) {
		long offset = records.stream().filter(r -> r.partition() == partition).count();
		return new ConsumerRecord<>(TOPIC, partition, offset, key, value);
	}

	private static TopicPartition tp(int partition) {
		return new TopicPartition(TOPIC, partition);
	}

}
