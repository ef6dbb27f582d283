package io.spotbridge.worker.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.spotbridge.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a record the worker cannot apply to {@code <topic>-dlt}: same key, value and headers, on the same partition
 * (the dead-letter topic has the same partition count), plus {@link DeadLetterHeaders} naming where it came from and
 * why it failed. Completes once the dead letter is durable, so the original offset can be committed after it.
 */
@Component
public class DeadLetterPublisher {

	private static final int MAX_MESSAGE = 2000;

	private final KafkaTemplate<String, byte[]> kafka;

	private final Map<String, Integer> partitions = new ConcurrentHashMap<>();

	DeadLetterPublisher(KafkaTemplate<String, byte[]> kafka) {
		this.kafka = kafka;
	}

	public Mono<Void> publish(ConsumerRecord<String, byte[]> original, Throwable cause, int attempts,
			Instant firstFailure) {
		String topic = Topics.deadLetterTopic(original.topic());
		return partitionCount(topic).flatMap(count -> {
			RecordHeaders headers = new RecordHeaders();
			for (Header header : original.headers()) {
				if (!DeadLetterHeaders.ALL.contains(header.key())) {
					headers.add(header);
				}
			}
			add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, original.topic());
			add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(original.partition()));
			add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(original.offset()));
			add(headers, DeadLetterHeaders.EXCEPTION_CLASS, cause.getClass().getName());
			add(headers, DeadLetterHeaders.EXCEPTION_MESSAGE, message(cause));
			add(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(attempts));
			add(headers, DeadLetterHeaders.FIRST_FAILURE, firstFailure.toString());
			Integer partition = original.partition() < count ? original.partition() : null;
			ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, partition, original.key(),
					original.value(), headers);
			return Mono.fromFuture(() -> kafka.send(letter)).subscribeOn(Schedulers.boundedElastic());
		}).then();
	}

	private Mono<Integer> partitionCount(String topic) {
		Integer known = partitions.get(topic);
		if (known != null) {
			return Mono.just(known);
		}
		return Mono.fromCallable(() -> {
			List<org.apache.kafka.common.PartitionInfo> infos = kafka.partitionsFor(topic);
			if (infos == null || infos.isEmpty()) {
				return 0;
			}
			partitions.put(topic, infos.size());
			return infos.size();
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private static String message(Throwable cause) {
		String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
		return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
	}

	private static void add(RecordHeaders headers, String key, String value) {
		headers.add(key, value.getBytes(StandardCharsets.UTF_8));
	}

}
