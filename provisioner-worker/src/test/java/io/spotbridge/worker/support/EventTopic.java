package io.spotbridge.worker.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import io.spotbridge.model.EventCodec;
import io.spotbridge.model.UserEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events to a topic as the ingress does (key, EventCodec value, headers), and reads topics back. */
public final class EventTopic implements AutoCloseable {

	private static final EventCodec CODEC = new EventCodec();

	private final String bootstrapServers;

	private final String topic;

	private final KafkaProducer<String, byte[]> producer;

	public EventTopic(String bootstrapServers, String topic) {
		this.bootstrapServers = bootstrapServers;
		this.topic = topic;
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		this.producer = new KafkaProducer<>(props);
	}

	public void publish(io.spotbridge.model.LifecycleEvent event) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.key().toString(), CODEC.encode(event));
		record.headers().add("x-correlation-id", event.correlationId().getBytes(StandardCharsets.UTF_8));
		record.headers().add("x-event-type", event.type().getBytes(StandardCharsets.UTF_8));
		send(record);
	}

	/** Sends many without waiting for each one; returns once all are acknowledged. */
	public void publishAll(List<UserEvent> events) {
		List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
		for (UserEvent event : events) {
			sent.add(producer.send(new ProducerRecord<>(topic, event.key().toString(), CODEC.encode(event))));
		}
		producer.flush();
		sent.forEach(EventTopic::await);
	}

	public void publishRaw(String key, byte[] value) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
		record.headers().add("x-correlation-id", "corr-raw".getBytes(StandardCharsets.UTF_8));
		send(record);
	}

	private void send(ProducerRecord<String, byte[]> record) {
		await(producer.send(record));
	}

	private static void await(java.util.concurrent.Future<?> future) {
		try {
			future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Every record of the topic, read as an independent consumer would. */
	public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic) {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		try (var consumer = new KafkaConsumer<String, byte[]>(props)) {
			var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
			if (infos == null || infos.isEmpty()) {
				return List.of();
			}
			List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("could not read " + topic + " to its end");
				}
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	public List<ConsumerRecord<String, byte[]>> readAll(String otherTopic) {
		return readAll(bootstrapServers, otherTopic);
	}

	@Override
	public void close() {
		producer.close(Duration.ofSeconds(5));
	}

}
