package io.spotbridge.ingress.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.spotbridge.ingress.system.IngressProperties;
import io.spotbridge.model.EventCodec;
import io.spotbridge.model.EventCodecException;
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
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the directory from the compacted event topics when the ingress starts, then tails them for as long as it
 * runs. It reads every partition from the beginning without a consumer group (each replica needs the whole directory)
 * and reports caught-up once it reached the end offsets seen at start; until then readiness is DOWN and SCIM requests
 * are answered 503, so no client sees a half-loaded directory.
 */
@Component
public class DirectoryLoader implements SmartLifecycle, InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(DirectoryLoader.class);

	private final ConsumerFactory<String, byte[]> consumerFactory;

	private final Directory directory;

	private final List<String> topics;

	private final EventCodec codec = new EventCodec();

	private final Counter undecodable;

	private final AtomicLong recordsRead = new AtomicLong();

	private volatile boolean caughtUp;

	private volatile Duration rebuildTime;

	private volatile boolean running;

	private volatile Consumer<String, byte[]> consumer;

	private Thread thread;

	DirectoryLoader(ConsumerFactory<String, byte[]> consumerFactory, Directory directory, IngressProperties properties,
			MeterRegistry meters) {
		this.consumerFactory = consumerFactory;
		this.directory = directory;
		this.topics = List.of(properties.topics().userEvents(), properties.topics().groupEvents());
		this.undecodable = Counter.builder("bridge.ingress.directory.undecodable")
			.description("Records on the event topics that are not valid lifecycle events (skipped)")
			.register(meters);
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
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		Instant started = Instant.now();
		while (running) {
			try (Consumer<String, byte[]> c = consumerFactory.createConsumer(null, "directory-loader", null,
					consumerOverrides())) {
				consumer = c;
				List<TopicPartition> partitions = partitions(c);
				c.assign(partitions);
				c.seekToBeginning(partitions);
				Map<TopicPartition, Long> end = caughtUp ? Map.of() : new HashMap<>(c.endOffsets(partitions));
				while (running) {
					ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
					records.forEach(this::applyRecord);
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

	private java.util.Properties consumerOverrides() {
		java.util.Properties overrides = new java.util.Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		// large enough to stream the rebuild, small enough to leave the heap to the directory
		overrides.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
		overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
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

	private void applyRecord(ConsumerRecord<String, byte[]> record) {
		recordsRead.incrementAndGet();
		if (record.value() == null) {
			return;
		}
		try {
			directory.apply(codec.decode(record.value()));
		}
		catch (EventCodecException ex) {
			undecodable.increment();
			log.warn("Skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
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
