package io.spotbridge.worker.links;

import io.spotbridge.worker.system.TopicProperties;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Writes links to the compacted links topic, then into the in-memory store. */
@Component
class KafkaLinkWriter implements LinkWriter {

	private final LinkTopicSender sender;

	private final LinkStore store;

	private final String topic;

	KafkaLinkWriter(LinkTopicSender sender, LinkStore store, TopicProperties topics) {
		this.sender = sender;
		this.store = store;
		this.topic = topics.userLinks();
	}

	@Override
	public Mono<UserLink> write(UserLink link) {
		return sender.send(LinkCodec.record(topic, link))
			.onErrorMap(error -> new LinkWriteException(link, error))
			.then(Mono.fromSupplier(() -> {
				store.apply(link);
				return link;
			}));
	}

}
