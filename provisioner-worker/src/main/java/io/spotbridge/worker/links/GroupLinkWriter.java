package io.spotbridge.worker.links;

import io.spotbridge.worker.system.TopicProperties;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Writes group links to the compacted group links topic, then into the in-memory {@link LinkStore}. */
@Component
public class GroupLinkWriter {

	private final LinkTopicSender sender;

	private final LinkStore store;

	private final String topic;

	GroupLinkWriter(LinkTopicSender sender, LinkStore store, TopicProperties topics) {
		this.sender = sender;
		this.store = store;
		this.topic = topics.groupLinks();
	}

	/** Completes once the link is on the topic (acks=all) and visible through {@link LinkStore#findGroup}. */
	public Mono<GroupLink> write(GroupLink link) {
		return sender.send(LinkCodec.record(topic, link))
			.onErrorMap(error -> new LinkWriteException(link.key(), error))
			.then(Mono.fromSupplier(() -> {
				store.apply(link);
				return link;
			}));
	}

}
