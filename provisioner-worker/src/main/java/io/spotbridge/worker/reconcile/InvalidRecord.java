package io.spotbridge.worker.reconcile;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** A record that is not a usable event (undecodable, or its key does not match its event): dead-lettered. */
record InvalidRecord(TopicPartition partition, ConsumerRecord<String, byte[]> record, RuntimeException reason) {
}
