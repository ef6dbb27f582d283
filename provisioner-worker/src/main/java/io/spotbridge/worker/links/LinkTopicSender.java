package io.spotbridge.worker.links;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends link records (acks=all) for both link writers. {@code send()} may block while the producer has no metadata for
 * the topic: never on an event-loop thread. Once a send to a topic succeeded the metadata is there (and kept fresh in
 * the background), so later sends only append to the producer's buffer and are made where the call is, without a hop
 * to another thread per link.
 */
@Component
class LinkTopicSender {

	private final KafkaTemplate<String, byte[]> kafka;

	private final Set<String> knownTopics = ConcurrentHashMap.newKeySet();

	LinkTopicSender(KafkaTemplate<String, byte[]> kafka) {
		this.kafka = kafka;
	}

	/** Completes once the broker acknowledged the record. */
	Mono<Void> send(ProducerRecord<String, byte[]> record) {
		Mono<Void> send = Mono.fromFuture(() -> kafka.send(record)).then();
		if (knownTopics.contains(record.topic())) {
			return send;
		}
		return send.subscribeOn(Schedulers.boundedElastic()).doOnSuccess(sent -> knownTopics.add(record.topic()));
	}

}
