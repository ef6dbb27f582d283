package io.spotbridge.worker.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import io.spotbridge.model.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Processes one poll batch: cuts it into per-user units ({@link BatchPlan}: a user's backlog coalesces to its newest
 * event), runs up to {@code bridge.consumer.max-in-flight} units at once (users are independent; one user's events
 * are never applied concurrently because a user is one unit), waits until every unit ended, and answers what to
 * commit, rewind and pause ({@link CommitPlan}). Blocks the calling consumer thread, which is what keeps per-partition
 * order across batches: the next poll happens only after this batch is settled.
 */
@Component
class BatchProcessor {

	private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

	private final KeyProcessor keys;

	private final PendingEvents pending;

	private final int maxInFlight;

	private final EventCodec codec = new EventCodec();

	private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

	private volatile boolean stopping;

	BatchProcessor(KeyProcessor keys, PendingEvents pending, ConsumerProperties consumer) {
		this.keys = keys;
		this.pending = pending;
		this.maxInFlight = consumer.maxInFlight();
	}

	CommitPlan process(List<ConsumerRecord<String, byte[]>> records) {
		if (stopping) {
			return CommitPlan.rewind(records);
		}
		BatchPlan plan = BatchPlan.of(records, codec);
		OrgUserIndex index = new OrgUserIndex();
		List<Mono<ItemResult>> units = new ArrayList<>(plan.invalid().size() + plan.work().size());
		plan.invalid().forEach(invalid -> units.add(keys.deadLetter(invalid)));
		plan.work().forEach(work -> {
			pending.received(work);
			units.add(keys.process(work, index).doOnNext(result -> {
				if (result.deferral().isEmpty()) {
					pending.finished(work);
				}
			}));
		});
		CompletableFuture<List<ItemResult>> results = Flux.fromIterable(units)
			.flatMap(unit -> unit, maxInFlight)
			.collectList()
			.toFuture();
		inFlight.add(results);
		long started = System.nanoTime();
		try {
			CommitPlan done = CommitPlan.of(records, results.get());
			if (log.isDebugEnabled()) {
				log.debug("Batch of {} records ({} users, {} invalid) settled in {} ms", records.size(),
						plan.work().size(), plan.invalid().size(), (System.nanoTime() - started) / 1_000_000);
			}
			return done;
		}
		catch (CancellationException ex) {
			log.info("Batch of {} records abandoned (stopping); it will be delivered again", records.size());
			return CommitPlan.rewind(records);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			results.cancel(true);
			return CommitPlan.rewind(records);
		}
		catch (ExecutionException ex) {
			log.error("Batch of {} records failed unexpectedly; it will be delivered again", records.size(),
					ex.getCause());
			return CommitPlan.rewind(records);
		}
		finally {
			inFlight.remove(results);
		}
	}

	/** Abandons the batches in progress (nothing of them is committed) and refuses new ones. */
	void stop() {
		stopping = true;
		inFlight.forEach(future -> future.cancel(true));
	}

	void start() {
		stopping = false;
	}

}
