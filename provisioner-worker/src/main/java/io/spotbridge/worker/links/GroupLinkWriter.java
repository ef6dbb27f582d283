package io.spotbridge.worker.links;

import io.spotbridge.worker.system.TopicProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Writes group links to the compacted group links topic, then into the in-memory {@link LinkStore}. */
@Component
public class GroupLinkWriter {

	private final KafkaTemplate<String, byte[]> kafka;

	private final LinkStore store;

	private final String topic;

	GroupLinkWriter(KafkaTemplate<String, byte[]> kafka, LinkStore store, TopicProperties topics) {
		this.kafka = kafka;
		this.store = store;
		this.topic = topics.groupLinks();
	}

	/** Completes once the link is on the topic (acks=all) and visible through {@link LinkStore#findGroup}. */
	public Mono<GroupLink> write(GroupLink link) {
		// send() may block while the producer has no metadata: never on an event-loop thread
		return Mono.fromFuture(() -> kafka.send(LinkCodec.record(topic, link)))
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap(error -> new LinkWriteException(link.key(), error))
			.map(sent -> {
				store.apply(link);
				return link;
			});
	}

}
