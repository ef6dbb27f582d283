package io.spotbridge.worker.replay;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.spotbridge.worker.deadletter.DeadLetterHeaders;
import io.spotbridge.worker.system.TopicProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends chosen dead letters through the worker again: in topic order and at a bounded rate, re-publishes each one's
 * original key, value and headers to the events topic with {@code x-replay-count} incremented and
 * {@code x-replayed-at}/{@code x-replayed-by}. Superseded ones are skipped (the newer state wins; max version wins in
 * the worker anyway), ones already replayed {@code maxReplays} times are parked. Every decision is logged.
 */
@Component
public class Replayer {

	private static final Logger log = LoggerFactory.getLogger(Replayer.class);

	private static final int MAX_ACTOR = 100;

	private final DeadLetters deadLetters;

	private final KafkaTemplate<String, byte[]> kafka;

	private final TopicProperties topics;

	private final ReplayProperties properties;

	private final Clock clock;

	private final MeterRegistry registry;

	Replayer(DeadLetters deadLetters, KafkaTemplate<String, byte[]> kafka, TopicProperties topics,
			ReplayProperties properties, Clock clock, MeterRegistry registry) {
		this.deadLetters = deadLetters;
		this.kafka = kafka;
		this.topics = topics;
		this.properties = properties;
		this.clock = clock;
		this.registry = registry;
	}

	/**
	 * Replays the dead letters matching the filter.
	 * @param ratePerSecond re-publications per second; not positive: the configured default
	 * @param actor         who asks (logged and put in {@code x-replayed-by})
	 */
	public synchronized ReplaySummary replay(DeadLetterFilter filter, boolean dryRun, double ratePerSecond,
			String actor) {
		String by = sanitize(actor);
		double rate = ratePerSecond > 0 ? ratePerSecond : properties.defaultRatePerSecond();
		long pauseNanos = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
		List<ReplaySummary.Item> items = new ArrayList<>();
		int replayed = 0;
		int superseded = 0;
		int parked = 0;
		int failed = 0;
		long nextSend = System.nanoTime();
		for (DeadLetters.Letter letter : deadLetters.letters(filter)) {
			DeadLetter view = letter.view();
			String outcome;
			String detail;
			if (view.superseded()) {
				outcome = "superseded";
				detail = "a newer state exists or it was already replayed";
				superseded++;
			}
			else if (view.replayCount() >= properties.maxReplays()) {
				outcome = "parked";
				detail = "already replayed " + view.replayCount() + " times (max " + properties.maxReplays() + ")";
				parked++;
			}
			else if (dryRun) {
				outcome = "replayed";
				detail = "dry run: would be re-published";
				replayed++;
			}
			else {
				sleepUntil(nextSend);
				nextSend = System.nanoTime() + pauseNanos;
				try {
					String topic = send(letter.record(), view.replayCount() + 1, by);
					outcome = "replayed";
					detail = "re-published to " + topic + " as replay " + (view.replayCount() + 1);
					replayed++;
				}
				catch (RuntimeException ex) {
					outcome = "failed";
					detail = "could not re-publish: " + ex.getMessage();
					failed++;
				}
			}
			items.add(new ReplaySummary.Item(view.tenant(), view.userId(), view.version(), view.partition(),
					view.offset(), outcome, detail));
			log.info("Replay{} by {} at {}: dead letter {}/{}@{} ({} v{} of {}, {}) -> {}: {}", dryRun ? " (dry run)" : "",
					by, clock.instant(), view.topic(), view.partition(), view.offset(), view.eventType(),
					view.version(), view.key(), view.errorClass(), outcome, detail);
			if (!dryRun) {
				Counter.builder("bridge.worker.replays")
					.description("Dead letters considered for replay, by outcome")
					.tag("tenant", view.tenant())
					.tag("outcome", outcome)
					.register(registry)
					.increment();
			}
		}
		if (!dryRun) {
			deadLetters.refreshMetrics();
		}
		ReplaySummary summary = new ReplaySummary(dryRun, replayed, superseded, parked, failed, items);
		log.info("Replay{} by {} done ({}): replayed {}, superseded {}, parked {}, failed {}",
				dryRun ? " (dry run)" : "", by, describe(filter), replayed, superseded, parked, failed);
		return summary;
	}

	/** Re-publishes the dead letter to the events topic it came from; answers that topic. */
	private String send(ConsumerRecord<String, byte[]> original, int count, String by) {
		String topic = topics.eventsTopicOf(original.topic())
			.orElseThrow(() -> new IllegalStateException(original.topic() + " is not a dead-letter topic of the worker"));
		RecordHeaders headers = new RecordHeaders();
		for (Header header : original.headers()) {
			if (!DeadLetterHeaders.ALL.contains(header.key()) && !ReplayHeaders.ALL.contains(header.key())) {
				headers.add(header);
			}
		}
		headers.add(ReplayHeaders.REPLAY_COUNT, Integer.toString(count).getBytes(StandardCharsets.UTF_8));
		headers.add(ReplayHeaders.REPLAYED_AT, clock.instant().toString().getBytes(StandardCharsets.UTF_8));
		headers.add(ReplayHeaders.REPLAYED_BY, by.getBytes(StandardCharsets.UTF_8));
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, original.key(), original.value(),
				headers);
		try {
			kafka.send(record).get(30, TimeUnit.SECONDS);
			return topic;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(String.valueOf(ex.getCause()), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("no acknowledgement within 30s", ex);
		}
	}

	private static void sleepUntil(long nanoTime) {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** The filter for the log, every value sanitized (they come from the request). */
	static String describe(DeadLetterFilter filter) {
		return "tenant=" + value(filter.tenant()) + " user=" + value(filter.user()) + " error="
				+ value(filter.errorClass()) + " since=" + filter.since() + " until=" + filter.until();
	}

	private static String value(String value) {
		return value == null || value.isBlank() ? "*" : sanitize(value);
	}

	static String sanitize(String actor) {
		if (actor == null || actor.isBlank()) {
			return "unknown";
		}
		String clean = actor.replaceAll("[^A-Za-z0-9@._:+-]", "_");
		return clean.length() <= MAX_ACTOR ? clean : clean.substring(0, MAX_ACTOR);
	}

}
