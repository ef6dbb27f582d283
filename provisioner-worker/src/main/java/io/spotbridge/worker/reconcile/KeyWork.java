package io.spotbridge.worker.reconcile;

import java.util.List;

import io.spotbridge.model.LifecycleEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One user's share of a poll batch: the newest of its events (the one to apply) and the older ones it supersedes.
 *
 * @param partition   where the user's records are (one key, one partition)
 * @param firstOffset the offset of the user's first record in the batch: where to resume if it must wait
 * @param record      the record of the newest event
 * @param event       the newest event (highest version)
 * @param coalesced   the older events of the user in the batch, not applied on their own
 */
record KeyWork(TopicPartition partition, long firstOffset, ConsumerRecord<String, byte[]> record, LifecycleEvent event,
		List<LifecycleEvent> coalesced) {

	KeyWork {
		coalesced = List.copyOf(coalesced);
	}

}
