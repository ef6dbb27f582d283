package io.spotbridge.worker.reconcile;

import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.BatchAcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The batch listener on the user events: processes the batch, then (on the consumer thread) rewinds the partitions
 * with deferred events, pauses them, and commits what is done. Offsets are committed by this listener only, after
 * processing (at-least-once; applying is idempotent).
 */
@Component
class UserEventsListener implements BatchAcknowledgingConsumerAwareMessageListener<String, byte[]> {

	private static final Logger log = LoggerFactory.getLogger(UserEventsListener.class);

	private final BatchProcessor processor;

	private final PartitionPauses pauses;

	UserEventsListener(BatchProcessor processor, PartitionPauses pauses) {
		this.processor = processor;
		this.pauses = pauses;
	}

	@Override
	public void onMessage(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment,
			Consumer<?, ?> consumer) {
		CommitPlan plan = processor.process(records);
		plan.seeks().forEach(consumer::seek);
		plan.pauses().forEach(pauses::pause);
		if (plan.commits().isEmpty()) {
			return;
		}
		try {
			consumer.commitSync(plan.commits());
		}
		catch (KafkaException ex) {
			// the records come again and are skipped by the version fence
			log.warn("Committing {} failed: {}", plan.commits().keySet(), ex.toString());
		}
	}

}
