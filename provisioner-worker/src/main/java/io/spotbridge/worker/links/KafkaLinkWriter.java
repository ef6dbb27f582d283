package io.spotbridge.worker.links;

import io.spotbridge.worker.system.TopicProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Writes links to the compacted links topic, then into the in-memory store. */
@Component
class KafkaLinkWriter implements LinkWriter {

	private final KafkaTemplate<String, byte[]> kafka;

	private final LinkStore store;

	private final String topic;

	KafkaLinkWriter(KafkaTemplate<String, byte[]> kafka, LinkStore store, TopicProperties topics) {
		this.kafka = kafka;
		this.store = store;
		this.topic = topics.userLinks();
	}

	@Override
	public Mono<UserLink> write(UserLink link) {
		// send() may block while the producer has no metadata: never on an event-loop thread
		return Mono.fromFuture(() -> kafka.send(topic, link.key().toString(), LinkCodec.encode(link)))
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap(error -> new LinkWriteException(link, error))
			.map(sent -> {
				store.apply(link);
				return link;
			});
	}

}
