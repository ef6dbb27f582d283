package io.spotbridge.worker.groups;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.spotbridge.model.EventKey;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Takes turns per group: a group event being applied and membership refreshes of the same group run one after the
 * other, in arrival order, without blocking a thread. Each computes the member list from the links when its turn
 * comes, so the last one to write Spot's member list has seen every link applied before it started.
 */
@Component
class GroupTurns {

	private final Map<EventKey, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

	<T> Mono<T> run(EventKey group, Supplier<Mono<T>> work) {
		return Mono.defer(() -> {
			CompletableFuture<Void> done = new CompletableFuture<>();
			CompletableFuture<Void> before = tails.put(group, done);
			Mono<Void> wait = before == null ? Mono.empty() : Mono.fromFuture(before, true);
			return wait.then(Mono.defer(work)).doFinally(signal -> {
				CompletableFuture<Void> previous = before == null ? CompletableFuture.completedFuture(null) : before;
				previous.whenComplete((ignored, error) -> {
					tails.remove(group, done);
					done.complete(null);
				});
			});
		});
	}

}
