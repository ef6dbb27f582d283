package io.spotbridge.ingress.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.spotbridge.model.EventCodec;
import io.spotbridge.model.EventCodecException;
import io.spotbridge.model.LifecycleEvent;
import io.spotbridge.ingress.publish.EventPublisher;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;

/**
 * Rebuilds the directory from the compacted event topics when the ingress starts, then tails them for as long as it
 * runs. It reads every partition from the beginning without a consumer group (each replica needs the whole directory)
 * and reports caught-up once it reached the end offsets seen at start; until then readiness is DOWN and SCIM requests
 * are answered 503, so no client sees a half-loaded directory.
 */
public class DirectoryLoader implements SmartLifecycle, InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(DirectoryLoader.class);

	private final java.util.function.Supplier<Consumer<String, byte[]>> consumers;

	private final Directory directory;

	private final List<String> topics;

	private final EventCodec codec = new EventCodec();

	private final AtomicLong undecodable = new AtomicLong();

	private final AtomicLong recordsRead = new AtomicLong();

	private volatile boolean caughtUp;

	private volatile Duration rebuildTime;

	private volatile boolean running;

	private volatile Consumer<String, byte[]> consumer;

	private Thread thread;

	/** Threads that decode besides the loader itself, while a large batch (the rebuild) is read. */
	private static final int DECODERS = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors() - 1));

	private static final int PARALLEL_BATCH = 256;

	private static final int CHUNK = 250;

	private static final Object SKIP = new Object();

	private ExecutorService decoderPool;

	/** A loader reading with the consumers {@code consumers} creates; metrics are bound later. */
	DirectoryLoader(java.util.function.Supplier<Consumer<String, byte[]>> consumers, Directory directory,
			List<String> topics) {
		this.consumers = consumers;
		this.directory = directory;
		this.topics = List.copyOf(topics);
	}

	void bindMetrics(MeterRegistry meters) {
		FunctionCounter.builder("bridge.ingress.directory.undecodable", undecodable, AtomicLong::get)
			.description("Records on the event topics that are not valid lifecycle events (skipped)")
			.register(meters);
	}

	List<String> topics() {
		return topics;
	}

	public boolean isCaughtUp() {
		return caughtUp;
	}

	public long recordsRead() {
		return recordsRead.get();
	}

	/** How long the initial rebuild took; null until caught up. */
	public Duration rebuildTime() {
		return rebuildTime;
	}

	/** Starts loading as soon as the bean exists, so the rebuild overlaps the rest of the application's start-up. */
	@Override
	public void afterPropertiesSet() {
		start();
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		thread = new Thread(this::run, "directory-loader");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		Consumer<String, byte[]> current = consumer;
		if (current != null) {
			current.wakeup();
		}
		if (thread != null) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		synchronized (this) {
			if (decoderPool != null) {
				decoderPool.shutdown();
				decoderPool = null;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		Instant started = Instant.now();
		while (running) {
			try (Consumer<String, byte[]> c = consumers.get()) {
				consumer = c;
				List<TopicPartition> partitions = partitions(c);
				c.assign(partitions);
				c.seekToBeginning(partitions);
				Map<TopicPartition, Long> end = caughtUp ? Map.of() : new HashMap<>(c.endOffsets(partitions));
				while (running) {
					ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
					applyBatch(records);
					if (!caughtUp && reached(c, end)) {
						rebuildTime = Duration.between(started, Instant.now());
						caughtUp = true;
						log.info("Directory caught up: {} records in {} ms", recordsRead.get(), rebuildTime.toMillis());
					}
				}
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (RuntimeException ex) {
				if (running) {
					log.warn("Directory loader lost Kafka ({}); reconnecting", ex.toString());
					pause(Duration.ofSeconds(1));
				}
			}
		}
	}

	static final String CLIENT_ID = "directory-loader";

	/** How long the broker may hold a fetch to gather {@code fetch.min.bytes}. */
	static final Duration TAIL_BATCH_WAIT = Duration.ofMillis(100);

	static java.util.Properties consumerOverrides() {
		java.util.Properties overrides = new java.util.Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		// large enough to stream the rebuild, small enough to leave the heap to the directory
		overrides.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
		overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
		// while tailing, most records are this replica's own writes (skipped): fetch them in batches rather than one
		// fetch per write; other replicas' writes show up here at most TAIL_BATCH_WAIT later
		overrides.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
		overrides.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) TAIL_BATCH_WAIT.toMillis());
		return overrides;
	}

	private List<TopicPartition> partitions(Consumer<String, byte[]> c) {
		while (running) {
			List<TopicPartition> all = new ArrayList<>();
			boolean complete = true;
			for (String topic : topics) {
				List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
				if (infos == null || infos.isEmpty()) {
					complete = false;
					break;
				}
				infos.forEach(info -> all.add(new TopicPartition(info.topic(), info.partition())));
			}
			if (complete) {
				return all;
			}
			log.info("Waiting for topics {} to exist", topics);
			pause(Duration.ofSeconds(1));
		}
		throw new WakeupException();
	}

	private boolean reached(Consumer<String, byte[]> c, Map<TopicPartition, Long> end) {
		for (Map.Entry<TopicPartition, Long> target : end.entrySet()) {
			if (c.position(target.getKey()) < target.getValue()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Decodes a polled batch on several threads (decoding is most of the rebuild's work) and applies the events on
	 * this thread in the order they were read: per key that is the partition's order, and max-version-wins makes
	 * the order across keys irrelevant. Small batches (tailing) are decoded right here.
	 */
	private void applyBatch(ConsumerRecords<String, byte[]> records) {
		int count = records.count();
		if (count == 0) {
			return;
		}
		List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(count);
		records.forEach(all::add);
		int chunks = count < PARALLEL_BATCH ? 1 : Math.min(DECODERS + 1, (count + CHUNK - 1) / CHUNK);
		if (chunks == 1) {
			applyDecoded(all, decode(all));
			return;
		}
		int per = (count + chunks - 1) / chunks;
		List<CompletableFuture<Object[]>> others = new ArrayList<>(chunks - 1);
		for (int from = per; from < count; from += per) {
			List<ConsumerRecord<String, byte[]>> chunk = all.subList(from, Math.min(count, from + per));
			others.add(CompletableFuture.supplyAsync(() -> decode(chunk), decoders()));
		}
		List<ConsumerRecord<String, byte[]>> first = all.subList(0, per);
		applyDecoded(first, decode(first));
		int from = per;
		for (CompletableFuture<Object[]> other : others) {
			List<ConsumerRecord<String, byte[]>> chunk = all.subList(from, Math.min(count, from + per));
			applyDecoded(chunk, other.join());
			from += per;
		}
	}

	private synchronized Executor decoders() {
		if (decoderPool == null) {
			java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
			decoderPool = java.util.concurrent.Executors.newFixedThreadPool(DECODERS, task -> {
				Thread t = new Thread(task, "directory-decoder-" + n.incrementAndGet());
				t.setDaemon(true);
				return t;
			});
		}
		return decoderPool;
	}

	/** For each record: its event, {@link #SKIP} (nothing to apply) or the {@link EventCodecException}. */
	private Object[] decode(List<ConsumerRecord<String, byte[]>> chunk) {
		Object[] decoded = new Object[chunk.size()];
		for (int i = 0; i < decoded.length; i++) {
			ConsumerRecord<String, byte[]> record = chunk.get(i);
			if (record.value() == null || alreadyApplied(record)) {
				decoded[i] = SKIP;
				continue;
			}
			try {
				decoded[i] = codec.decode(record.value());
			}
			catch (EventCodecException ex) {
				decoded[i] = ex;
			}
		}
		return decoded;
	}

	/**
	 * A record this ingress published itself carries its version in a header and is already in the directory (it was
	 * applied when Kafka acknowledged it): applying it again would be a no-op (max version wins), so it is not decoded.
	 */
	private boolean alreadyApplied(ConsumerRecord<String, byte[]> record) {
		org.apache.kafka.common.header.Header header = record.headers().lastHeader(EventPublisher.HEADER_VERSION);
		String key = record.key();
		int slash = key == null ? -1 : key.indexOf('/');
		if (header == null || slash <= 0) {
			return false;
		}
		long version;
		try {
			version = Long.parseLong(new String(header.value(), java.nio.charset.StandardCharsets.US_ASCII));
		}
		catch (RuntimeException ex) {
			return false;
		}
		return directory.tenant(key.substring(0, slash)).versionOf(key.substring(slash + 1)) >= version;
	}

	private void applyDecoded(List<ConsumerRecord<String, byte[]>> chunk, Object[] decoded) {
		for (int i = 0; i < decoded.length; i++) {
			recordsRead.incrementAndGet();
			Object result = decoded[i];
			if (result instanceof LifecycleEvent event) {
				directory.apply(event);
			}
			else if (result instanceof EventCodecException ex) {
				ConsumerRecord<String, byte[]> record = chunk.get(i);
				undecodable.incrementAndGet();
				log.warn("Skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(),
						record.offset(), ex.getMessage());
			}
		}
	}

	private void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

}
