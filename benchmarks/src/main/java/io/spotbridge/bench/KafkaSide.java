package io.spotbridge.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.spotbridge.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the harness does with Kafka directly: the topics, the raw producer baseline and the pre-loading of users. */
final class KafkaSide {

	/** The raw baseline's own topic (same layout as the event topics), so its records never reach the directory. */
	static final String RAW_TOPIC = "bench.raw-user-events";

	static final long MIN_COMPACTION_LAG_MS = Duration.ofDays(7).toMillis();

	private KafkaSide() {
	}

	/**
	 * Creates the raw topic and the two event topics exactly as the ingress declares them (compacted, replication 1,
	 * min.compaction.lag.ms 7 days), so users can be pre-loaded before the ingress first starts.
	 */
	static void createTopics(String bootstrapServers, int partitions) {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		try (Admin admin = Admin.create(config)) {
			List<NewTopic> topics = new ArrayList<>();
			for (String name : List.of(RAW_TOPIC, Topics.USER_EVENTS, Topics.GROUP_EVENTS)) {
				topics.add(new NewTopic(name, partitions, (short) 1)
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
							TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(MIN_COMPACTION_LAG_MS))));
			}
			try {
				admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw new IllegalStateException("Cannot create the topics", ex.getCause());
				}
			}
			catch (InterruptedException | TimeoutException ex) {
				throw new IllegalStateException("Cannot create the topics", ex);
			}
		}
	}

	/**
	 * The producer settings of the ingress (application.yml + KafkaConfig): acks=all, idempotence, linger.ms=2, at most
	 * 5 requests in flight per connection, delivery timeout = the 5 s write timeout, request timeout 4 s.
	 */
	static Properties ingressProducerConfig(String bootstrapServers) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000L);
		return config;
	}

	/** The raw baseline: user-event records sent with the ingress's producer settings. */
	static final class RawProducer implements AutoCloseable {

		private final KafkaProducer<String, byte[]> producer;

		private final byte[][] values;

		private final byte[] eventType = "UserCreated".getBytes(StandardCharsets.UTF_8);

		private final byte[] correlationId = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);

		RawProducer(String bootstrapServers, UserFixtures fixtures) {
			this.producer = new KafkaProducer<>(ingressProducerConfig(bootstrapServers));
			this.values = new byte[512][];
			Instant now = Instant.now();
			for (int i = 0; i < values.length; i++) {
				values[i] = fixtures.userCreatedEvent(UserFixtures.newId(), fixtures.userName("raw", i), i, now);
			}
		}

		int typicalValueBytes() {
			return values[0].length;
		}

		/** Sends one record (key {@code default/<uuid7>}, the headers the ingress sets); completes on the ack. */
		CompletableFuture<String> send(long sequence) {
			CompletableFuture<String> acked = new CompletableFuture<>();
			var record = new ProducerRecord<String, byte[]>(RAW_TOPIC, UserFixtures.key(UserFixtures.newId()),
					values[(int) (sequence % values.length)]);
			record.headers().add("x-event-type", eventType);
			record.headers().add("x-correlation-id", correlationId);
			producer.send(record, (metadata, error) -> {
				if (error != null) {
					acked.completeExceptionally(error);
				}
				else {
					acked.complete(null);
				}
			});
			return acked;
		}

		@Override
		public void close() {
			producer.close(Duration.ofSeconds(10));
		}

	}

	/** The result of pre-loading: the userNames on the topic, and how long writing them took. */
	record Preloaded(String[] userNames, double seconds, long bytes) {
	}

	/**
	 * Writes {@code count} valid {@code UserCreated} events of tenant {@code default} (as the ingress would have) to the
	 * user topic, as fast as the producer goes, and waits until all are acknowledged.
	 */
	static Preloaded preloadUsers(String bootstrapServers, UserFixtures fixtures, int count) {
		Properties config = ingressProducerConfig(bootstrapServers);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000L);
		String[] names = new String[count];
		AtomicReference<Exception> failure = new AtomicReference<>();
		AtomicLong bytes = new AtomicLong();
		long start = System.nanoTime();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
			Instant base = Instant.now().minusSeconds(count);
			for (int i = 0; i < count && failure.get() == null; i++) {
				String id = UserFixtures.newId();
				names[i] = fixtures.userName("pre", i);
				byte[] value = fixtures.userCreatedEvent(id, names[i], i, base.plusSeconds(i));
				bytes.addAndGet(value.length);
				var record = new ProducerRecord<String, byte[]>(Topics.USER_EVENTS, UserFixtures.key(id), value);
				record.headers().add("x-event-type", "UserCreated".getBytes(StandardCharsets.UTF_8));
				producer.send(record, (metadata, error) -> {
					if (error != null) {
						failure.compareAndSet(null, error);
					}
				});
			}
			producer.flush();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("Pre-loading the users failed", failure.get());
		}
		return new Preloaded(names, (System.nanoTime() - start) / 1e9, bytes.get());
	}

}
