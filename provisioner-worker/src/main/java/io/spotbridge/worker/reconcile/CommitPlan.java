package io.spotbridge.worker.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a finished batch means for each of its partitions. Without deferred units: commit past the batch's last
 * record. With some: commit up to the first record of the earliest deferred unit, seek back to it and pause the
 * partition until the deferrals are due. Units after it that were done come again and are skipped by the version fence.
 *
 * @param commits offsets to commit
 * @param seeks   partitions to rewind, to the offset given
 * @param pauses  partitions to pause, with what they wait for
 */
record CommitPlan(Map<TopicPartition, OffsetAndMetadata> commits, Map<TopicPartition, Long> seeks,
		Map<TopicPartition, List<Deferral>> pauses) {

	static CommitPlan of(List<ConsumerRecord<String, byte[]>> records, List<ItemResult> results) {
		Map<TopicPartition, Long> next = new HashMap<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
		}
		Map<TopicPartition, Long> seeks = new HashMap<>();
		Map<TopicPartition, List<Deferral>> pauses = new HashMap<>();
		for (ItemResult result : results) {
			result.deferral().ifPresent(deferral -> {
				seeks.merge(result.partition(), result.firstOffset(), Math::min);
				pauses.computeIfAbsent(result.partition(), p -> new ArrayList<>()).add(deferral);
			});
		}
		Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
		next.forEach((partition, offset) -> commits.put(partition,
				new OffsetAndMetadata(seeks.getOrDefault(partition, offset))));
		return new CommitPlan(Map.copyOf(commits), Map.copyOf(seeks), Map.copyOf(pauses));
	}

	/** Nothing committed, every partition back to its first record in the batch (the batch was abandoned). */
	static CommitPlan rewind(List<ConsumerRecord<String, byte[]>> records) {
		Map<TopicPartition, Long> seeks = new HashMap<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			seeks.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
		}
		return new CommitPlan(Map.of(), Map.copyOf(seeks), Map.of());
	}

}
