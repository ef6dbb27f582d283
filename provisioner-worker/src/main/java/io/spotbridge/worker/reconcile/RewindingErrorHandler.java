package io.spotbridge.worker.reconcile;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Should the listener ever throw, the batch is delivered again: every partition is rewound to its first record,
 * nothing is committed and nothing is skipped (the default handlers would eventually log and skip a batch).
 */
class RewindingErrorHandler implements CommonErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(RewindingErrorHandler.class);

	@Override
	public boolean seeksAfterHandling() {
		return true;
	}

	@Override
	public void handleBatch(Exception thrownException, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
			MessageListenerContainer container, Runnable invokeListener) {
		log.error("Listener failed; the batch will be delivered again", thrownException);
		Map<TopicPartition, Long> first = new HashMap<>();
		for (ConsumerRecord<?, ?> record : data) {
			first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
		}
		first.forEach(consumer::seek);
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void handleOtherException(Exception thrownException, Consumer<?, ?> consumer,
			MessageListenerContainer container, boolean batchListener) {
		log.warn("Consumer error: {}", thrownException.toString());
	}

}
