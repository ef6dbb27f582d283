package io.spotbridge.ingress.publish;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Runs asynchronous work one at a time per key, in arrival order, without blocking a thread: the next piece of work for
 * a key starts when the previous one finished (successfully or not). This is what makes read-modify-write of one user
 * or group safe under Okta's parallel requests — no lost update, versions strictly increasing.
 */
@Component
public class KeyedSerializer {

	private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

	public <T> Mono<T> run(String key, Supplier<Mono<T>> work) {
		return Mono.defer(() -> {
			CompletableFuture<Void> done = new CompletableFuture<>();
			CompletableFuture<Void> previous = tails.put(key, done);
			CompletableFuture<Void> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
			return Mono.fromFuture(before, true).then(Mono.defer(work)).doFinally(signal -> {
				// a request cancelled while waiting hands its turn on only once the work ahead of it finished
				before.whenComplete((ignored, error) -> {
					tails.remove(key, done);
					done.complete(null);
				});
			});
		});
	}

	/** Keys with work queued or running; for tests and metrics. */
	public int activeKeys() {
		return tails.size();
	}

}
