package io.spotbridge.worker.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.spotbridge.model.EventCodec;
import io.spotbridge.model.EventCodecException;
import io.spotbridge.model.LifecycleEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A poll batch cut into independent units: one {@link KeyWork} per user (its backlog coalesced to the newest
 * version: each record carries the user's whole state, so only the latest matters) and one {@link InvalidRecord} per
 * record that is not a usable event. Records without a value (tombstones) need nothing.
 */
record BatchPlan(List<KeyWork> work, List<InvalidRecord> invalid) {

	static BatchPlan of(List<ConsumerRecord<String, byte[]>> records, EventCodec codec) {
		Map<String, List<Decoded>> byKey = new LinkedHashMap<>();
		List<InvalidRecord> invalid = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			if (record.value() == null) {
				continue;
			}
			TopicPartition partition = new TopicPartition(record.topic(), record.partition());
			LifecycleEvent event;
			try {
				event = codec.decode(record.value());
			}
			catch (EventCodecException ex) {
				invalid.add(new InvalidRecord(partition, record, ex));
				continue;
			}
			if (record.key() == null || !record.key().equals(event.key().toString())) {
				invalid.add(new InvalidRecord(partition, record, new UnprocessableEventException(
						"record key " + record.key() + " does not match its event's key " + event.key())));
				continue;
			}
			byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(new Decoded(record, event));
		}
		List<KeyWork> work = new ArrayList<>();
		byKey.values().forEach(decoded -> work.add(coalesce(decoded)));
		return new BatchPlan(List.copyOf(work), List.copyOf(invalid));
	}

	private static KeyWork coalesce(List<Decoded> decoded) {
		Decoded newest = decoded.get(0);
		long firstOffset = Long.MAX_VALUE;
		for (Decoded candidate : decoded) {
			firstOffset = Math.min(firstOffset, candidate.record().offset());
			if (candidate.event().version() >= newest.event().version()) {
				newest = candidate;
			}
		}
		List<LifecycleEvent> older = new ArrayList<>();
		for (Decoded candidate : decoded) {
			if (candidate != newest) {
				older.add(candidate.event());
			}
		}
		ConsumerRecord<String, byte[]> record = newest.record();
		return new KeyWork(new TopicPartition(record.topic(), record.partition()), firstOffset, record, newest.event(),
				older);
	}

	private record Decoded(ConsumerRecord<String, byte[]> record, LifecycleEvent event) {
	}

}
