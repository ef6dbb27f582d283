package io.spotbridge.worker.reconcile;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.stereotype.Component;

/**
 * Records this worker dead-lettered lately, so that one delivered again (because an earlier record of its partition
 * had to wait) is not dead-lettered twice. Bounded; after a restart a repeat is possible (at-least-once) and harmless:
 * a replay skips superseded or duplicate dead letters by version.
 */
@Component
class RecentDeadLetters {

	private static final int CAPACITY = 10_000;

	private final Map<String, Boolean> recent = new LinkedHashMap<>(256, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > CAPACITY;
		}

	};

	synchronized void add(ConsumerRecord<?, ?> record) {
		recent.put(id(record), Boolean.TRUE);
	}

	synchronized boolean contains(ConsumerRecord<?, ?> record) {
		return recent.containsKey(id(record));
	}

	private static String id(ConsumerRecord<?, ?> record) {
		return record.topic() + "/" + record.partition() + "@" + record.offset();
	}

}
