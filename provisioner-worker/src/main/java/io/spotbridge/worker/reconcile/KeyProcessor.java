package io.spotbridge.worker.reconcile;

import io.spotbridge.worker.spot.SpotClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.spotbridge.model.EventKey;
import io.spotbridge.model.GroupEvent;
import io.spotbridge.model.LifecycleEvent;
import io.spotbridge.model.UserEvent;
import io.spotbridge.worker.groups.GroupReconciler;
import io.spotbridge.worker.deadletter.DeadLetterPublisher;
import io.spotbridge.worker.spot.RateLimitedException;
import io.spotbridge.worker.spot.SpotProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.stereotype.Component;

/**
 * Runs one unit of a batch to its end: applies the user's (or group's) newest event with retries, dead-letters what can never be
 * applied, and defers (never dead-letters) what fails for reasons that go away: transient errors past the retry
 * budget, an open breaker, a rejected token.
 */
@Component
class KeyProcessor {

	private static final Logger log = LoggerFactory.getLogger(KeyProcessor.class);

	private static final Duration BLOCKED_RECHECK = Duration.ofMillis(500);

	private final UserReconciler users;

	private final GroupReconciler groups;

	private final DeadLetterPublisher deadLetters;

	private final EventMetrics metrics;

	private final RetryProperties retry;

	private final Backoff backoff;

	private final Clock clock;

	private final RecentDeadLetters recent;

	KeyProcessor(UserReconciler users, GroupReconciler groups, DeadLetterPublisher deadLetters, EventMetrics metrics, RetryProperties retry,
			SpotProperties spot, Clock clock, RecentDeadLetters recent) {
		this.recent = recent;
		this.users = users;
		this.groups = groups;
		this.deadLetters = deadLetters;
		this.metrics = metrics;
		this.retry = retry;
		this.backoff = new Backoff(retry, spot.maxRateLimitWait());
		this.clock = clock;
	}

	Mono<ItemResult> process(KeyWork work, OrgUserIndex index) {
		LifecycleEvent event = work.event();
		if (recent.contains(work.record())) {
			return Mono.just(ItemResult.done(work.partition(), work.firstOffset()));
		}
		return attempt(work, index, 1, null, System.nanoTime()).doOnNext(result -> {
			if (result.deferral().isEmpty()) {
				work.coalesced().forEach(older -> metrics.processed(older.tenant(), older.type(), Outcome.COALESCED));
			}
		}).doOnNext(result -> {
			if (result.deferral().isPresent()) {
				metrics.processed(event.tenant(), event.type(), Outcome.RETRIED);
			}
		});
	}

	/** Dead-letters a record that is not a usable event. */
	Mono<ItemResult> deadLetter(InvalidRecord invalid) {
		if (recent.contains(invalid.record())) {
			return Mono.just(ItemResult.done(invalid.partition(), invalid.record().offset()));
		}
		String tenant = tenantOf(invalid.record());
		log.warn("Dead-lettering {}-{}@{}: {}", invalid.partition().topic(), invalid.partition().partition(),
				invalid.record().offset(), invalid.reason().getMessage());
		return publish(invalid.record(), invalid.reason(), 1, clock.instant(), tenant, EventMetrics.UNKNOWN,
				invalid.partition(), invalid.record().offset());
	}

	private Mono<ItemResult> attempt(KeyWork work, OrgUserIndex index, int attempt, Instant firstFailure,
			long startedNanos) {
		LifecycleEvent event = work.event();
		return reconcile(event, index, attempt > 1)
			.contextWrite(Context.of(SpotClient.CORRELATION_ID, event.correlationId()))
			.map(outcome -> {
				metrics.processed(event.tenant(), event.type(), outcome);
				if (outcome == Outcome.APPLIED) {
					metrics.applied(event.tenant(), event.type(), Duration.between(event.occurredAt(), clock.instant()));
				}
				return ItemResult.done(work.partition(), work.firstOffset());
			})
			.onErrorResume(error -> failed(work, index, attempt, firstFailure == null ? clock.instant() : firstFailure,
				startedNanos, error));
	}

	private Mono<Outcome> reconcile(LifecycleEvent event, OrgUserIndex index, boolean fresh) {
		if (event instanceof UserEvent user) {
			return users.reconcile(user, index, fresh);
		}
		if (event instanceof GroupEvent group) {
			return groups.reconcile(group);
		}
		return Mono.error(new UnprocessableEventException(event.type() + " is not an event this worker applies"));
	}

	private Mono<ItemResult> failed(KeyWork work, OrgUserIndex index, int attempt, Instant firstFailure,
			long startedNanos, Throwable error) {
		LifecycleEvent event = work.event();
		FailureKind kind = FailureKind.of(error);
		EventKey key = event.key();
		switch (kind) {
			case PERMANENT:
				log.warn("Dead-lettering {} v{} ({}, correlation {}) after {} attempt(s): {}", key, event.version(),
						event.type(), event.correlationId(), attempt, error.getMessage());
				return publish(work.record(), error, attempt, firstFailure, event.tenant(), event.type(),
						work.partition(), work.firstOffset());
			case CREDENTIALS:
				log.debug("{} waits: {}", key, error.getMessage());
				return deferred(work, event, Deferral.Reason.CREDENTIALS, BLOCKED_RECHECK);
			case OUTAGE:
				log.debug("{} waits: {}", key, error.getMessage());
				return deferred(work, event, Deferral.Reason.OUTAGE, BLOCKED_RECHECK);
			default:
				Duration wait = kind == FailureKind.RATE_LIMITED
						? backoff.afterRateLimit(attempt, ((RateLimitedException) error).reset())
						: backoff.after(attempt);
				Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
				if (attempt >= retry.maxAttempts() || elapsed.plus(wait).compareTo(retry.maxElapsed()) > 0) {
					log.warn("{} v{} ({}, correlation {}) still failing after {} attempt(s), pausing its partition: {}",
							key, event.version(), event.type(), event.correlationId(), attempt, error.toString());
					Deferral.Reason reason = kind == FailureKind.RATE_LIMITED ? Deferral.Reason.RATE_LIMITED
							: Deferral.Reason.RETRIES_EXHAUSTED;
					Duration pause = kind == FailureKind.RATE_LIMITED ? wait : retry.pauseAfterExhaustion();
					return deferred(work, event, reason, pause);
				}
				if (!(error instanceof io.spotbridge.worker.spot.SpotException)
						&& !(error instanceof io.spotbridge.worker.links.LinkWriteException)) {
					log.error("Unexpected failure applying {} v{}; retrying", key, event.version(), error);
				}
				else {
					log.debug("Attempt {} of {} v{} failed ({}); retrying in {} ms", attempt, key, event.version(),
							error.getMessage(), wait.toMillis());
				}
				metrics.retry(event.tenant(), kind);
				return Mono.delay(wait)
					.then(Mono.defer(() -> attempt(work, index, attempt + 1, firstFailure, startedNanos)));
		}
	}

	private Mono<ItemResult> deferred(KeyWork work, LifecycleEvent event, Deferral.Reason reason, Duration pause) {
		return Mono.just(ItemResult.deferred(work.partition(), work.firstOffset(),
				new Deferral(event.tenant(), reason, clock.instant().plus(pause))));
	}

	private Mono<ItemResult> publish(ConsumerRecord<String, byte[]> record, Throwable error, int attempts,
			Instant firstFailure, String tenant, String type, org.apache.kafka.common.TopicPartition partition,
			long firstOffset) {
		return deadLetters.publish(record, error, attempts, firstFailure).then(Mono.fromCallable(() -> {
			recent.add(record);
			metrics.processed(tenant, type, Outcome.DEAD_LETTERED);
			return ItemResult.done(partition, firstOffset);
		})).onErrorResume(failure -> {
			log.warn("Could not dead-letter {}-{}@{} ({}); it comes again", record.topic(), record.partition(),
					record.offset(), failure.toString());
			return Mono.just(ItemResult.deferred(partition, firstOffset,
					new Deferral(tenant, Deferral.Reason.KAFKA, clock.instant().plus(Duration.ofSeconds(1)))));
		});
	}

	private static String tenantOf(ConsumerRecord<String, byte[]> record) {
		try {
			return EventKey.parse(record.key()).tenant();
		}
		catch (IllegalArgumentException ex) {
			return EventMetrics.UNKNOWN;
		}
	}

}
