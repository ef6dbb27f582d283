package io.spotbridge.worker.reconcile;

import java.util.Collection;
import java.util.Properties;

import io.spotbridge.worker.links.LinkStore;
import io.spotbridge.worker.system.TopicProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.stereotype.Component;

/**
 * The consumer group on the user and group events (one container for both topics: the same batches, retries, pauses,
 * dead letters and commits apply to either; a key is a user or a group). It starts only once the {@link LinkStore} has caught up (the version fence
 * needs every link), and on stop abandons the batches in progress (uncommitted, they are delivered again) before the
 * container stops.
 */
@Component
public class UserEventsConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(UserEventsConsumer.class);

	private final ConcurrentMessageListenerContainer<String, byte[]> container;

	private final LinkStore links;

	private final BatchProcessor processor;

	private volatile boolean running;

	UserEventsConsumer(ConsumerFactory<String, byte[]> consumerFactory, ConsumerProperties consumer,
			TopicProperties topics, UserEventsListener listener, PartitionPauses pauses, LinkStore links,
			BatchProcessor processor, PendingEvents pending, ApplicationEventPublisher events) {
		this.links = links;
		this.processor = processor;
		ContainerProperties properties = new ContainerProperties(topics.eventTopics().toArray(String[]::new));
		properties.setGroupId(consumer.groupId());
		properties.setClientId("provisioner-worker");
		properties.setAckMode(ContainerProperties.AckMode.MANUAL);
		properties.setMessageListener(listener);
		properties.setPollTimeout(500);
		properties.setShutdownTimeout(15_000);
		properties.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {

			@Override
			public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				pending.forget(partitions);
				pauses.forget(partitions);
			}

			@Override
			public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				pending.forget(partitions);
				pauses.forget(partitions);
			}

		});
		Properties kafka = new Properties();
		kafka.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		kafka.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		kafka.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, consumer.maxPollRecords());
		kafka.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) consumer.maxPollInterval().toMillis());
		kafka.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, consumer.fetchMinBytes());
		kafka.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) consumer.fetchMaxWait().toMillis());
		properties.setKafkaConsumerProperties(kafka);
		this.container = new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
		this.container.setConcurrency(consumer.concurrency());
		this.container.setCommonErrorHandler(new RewindingErrorHandler());
		this.container.setAutoStartup(false);
		this.container.setBeanName("user-events");
		this.container.setApplicationEventPublisher(events);
		pauses.attach(container);
	}

	@Override
	public int getPhase() {
		return LinkStore.PHASE + 1000;
	}

	@Override
	public void start() {
		running = true;
		processor.start();
		links.whenCaughtUp(() -> {
			synchronized (this) {
				if (running && !container.isRunning()) {
					log.info("Links loaded; consuming {}", java.util.Arrays.toString(container.getContainerProperties().getTopics()));
					container.start();
				}
			}
		});
	}

	@Override
	public void stop() {
		synchronized (this) {
			running = false;
			processor.stop();
			if (container.isRunning()) {
				container.stop();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Whether the listener container is consuming (it starts after the links are loaded). */
	public boolean isConsuming() {
		return container.isRunning();
	}

	public ConcurrentMessageListenerContainer<String, byte[]> container() {
		return container;
	}

}
