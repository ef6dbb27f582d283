package io.spotbridge.worker.reconcile;

import java.util.Optional;

import org.apache.kafka.common.TopicPartition;

/**
 * How one unit of a batch ended: done (applied, skipped, dead-lettered), or deferred (the partition must go back to
 * {@code firstOffset} and wait).
 */
record ItemResult(TopicPartition partition, long firstOffset, Optional<Deferral> deferral) {

	static ItemResult done(TopicPartition partition, long firstOffset) {
		return new ItemResult(partition, firstOffset, Optional.empty());
	}

	static ItemResult deferred(TopicPartition partition, long firstOffset, Deferral deferral) {
		return new ItemResult(partition, firstOffset, Optional.of(deferral));
	}

}
