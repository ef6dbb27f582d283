package io.spotbridge.worker.links;

import reactor.core.publisher.Mono;

/** Records links durably on the links topic and in the {@link LinkStore}. */
public interface LinkWriter {

	/** Completes once the link is on the topic (acks=all) and visible through {@link LinkStore#find}. */
	Mono<UserLink> write(UserLink link);

}
