package io.spotbridge.worker.links;

import io.spotbridge.worker.system.TopicProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
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
		return Mono.defer(() -> {
			ProducerRecord<String, byte[]> record = LinkCodec.record(topic, link);
			LinkStore.OwnWrite own = store.expectOwnWrite(record.key(), record.value());
			return sender.send(record).doOnError(error -> store.ownWriteFailed(record.key(), own, link))
				.doOnCancel(() -> store.ownWriteFailed(record.key(), own, link))
				.onErrorMap(error -> new LinkWriteException(link, error))
				.then(Mono.fromSupplier(() -> {
					store.apply(link);
					store.ownWriteDone(record.key(), own);
					return link;
				}));
		});
	}

}
