package io.spotbridge.worker.links;

import io.spotbridge.worker.system.TopicProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/** Writes links to the compacted links topic, then into the in-memory store. */
@Component
class KafkaLinkWriter implements LinkWriter {

	private final KafkaTemplate<String, byte[]> kafka;

	private final LinkStore store;

	private final String topic;

	private volatile boolean topicKnown;

	KafkaLinkWriter(KafkaTemplate<String, byte[]> kafka, LinkStore store, TopicProperties topics) {
		this.kafka = kafka;
		this.store = store;
		this.topic = topics.userLinks();
	}

	@Override
	public Mono<UserLink> write(UserLink link) {
		Mono<SendResult<String, byte[]>> send = Mono
			.fromFuture(() -> kafka.send(LinkCodec.record(topic, link)));
		// send() may block while the producer has no metadata for the topic: never on an event-loop thread. Once a
		// send succeeded the metadata is there (and kept fresh in the background), so later sends only append to the
		// producer's buffer and are made where the call is, without a hop to another thread per link
		if (!topicKnown) {
			send = send.subscribeOn(Schedulers.boundedElastic()).doOnNext(sent -> topicKnown = true);
		}
		return send.onErrorMap(error -> new LinkWriteException(link, error)).map(sent -> {
			store.apply(link);
			return link;
		});
	}

}
