package io.spotbridge.ingress.publish;

import java.util.function.LongFunction;

import io.spotbridge.ingress.directory.Directory;
import io.spotbridge.model.EventKey;
import io.spotbridge.model.LifecycleEvent;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The write path shared by users and groups: within the resource's turn, take the next version, publish the event and
 * wait for Kafka's acknowledgement, then apply it to the directory (read-your-writes) — in that order, so the
 * directory never shows a change Kafka does not have.
 */
@Component
public class ChangePublisher {

	private final KeyedSerializer serializer;

	private final VersionClock versions;

	private final EventPublisher publisher;

	private final Directory directory;

	ChangePublisher(KeyedSerializer serializer, VersionClock versions, EventPublisher publisher, Directory directory) {
		this.serializer = serializer;
		this.versions = versions;
		this.publisher = publisher;
		this.directory = directory;
	}

	/** Runs {@code work} alone for this key: no other write of the same resource runs at the same time. */
	public <T> Mono<T> inTurn(EventKey key, java.util.function.Supplier<Mono<T>> work) {
		return serializer.run(key.toString(), work);
	}

	/**
	 * Runs {@code work} for a resource being created under an id this ingress just generated: no other request can know
	 * that key yet (the id is first revealed by the answer to this create), so there is nobody to wait for and no turn is
	 * taken. Uniqueness of names is guarded by the name reservations, not by the turn.
	 */
	public <T> Mono<T> asNew(java.util.function.Supplier<Mono<T>> work) {
		return Mono.defer(work);
	}

	/** Call within the key's turn, or within {@link #asNew} for a freshly generated id. */
	public <E extends LifecycleEvent> Mono<E> publish(EventKey key, long currentVersion, LongFunction<E> eventAtVersion) {
		long version = versions.next(key, currentVersion);
		E event = eventAtVersion.apply(version);
		return publisher.publish(event).doOnSuccess(published -> {
			versions.published(key);
			directory.apply(published);
		}).doOnError(ex -> versions.failed(key, version));
	}

}
