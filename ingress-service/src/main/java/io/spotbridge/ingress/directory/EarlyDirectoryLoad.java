package io.spotbridge.ingress.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import io.spotbridge.ingress.system.IngressProperties;
import io.spotbridge.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;

/**
 * Starts the directory rebuild as soon as the configuration is known — before the application context is even created
 * — so that reading the topics overlaps the whole start-up instead of only its end. Used by
 * {@code IngressApplication.main}. The consumer is configured from the same {@code spring.kafka.*} properties the
 * context's consumer factory is built from; when the context is up, {@link DirectoryConfig} takes this loader over only
 * if that factory's configuration and the topics are the same (a customizer, connection details or an SSL bundle
 * make them differ), else it stops it, drops what it read and starts a loader of its own.
 */
public final class EarlyDirectoryLoad implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Logger log = LoggerFactory.getLogger(EarlyDirectoryLoad.class);

	private static final AtomicReference<Started> STARTED = new AtomicReference<>();

	record Started(Map<String, String> config, List<String> topics, Directory directory, DirectoryLoader loader) {

		boolean matches(Map<String, Object> factoryConfig, List<String> expectedTopics) {
			return config.equals(normalized(factoryConfig)) && topics.equals(expectedTopics);
		}

		void abandon() {
			loader.stop();
		}

	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (STARTED.get() != null) {
			return;
		}
		try {
			Binder binder = Binder.get(event.getEnvironment());
			KafkaProperties kafka = binder.bind("spring.kafka", KafkaProperties.class).orElseGet(KafkaProperties::new);
			IngressProperties.TopicLayout layout = binder.bind("bridge.topics", IngressProperties.TopicLayout.class)
				.orElse(null);
			List<String> topics = layout == null ? List.of(Topics.USER_EVENTS, Topics.GROUP_EVENTS)
					: List.of(layout.userEvents(), layout.groupEvents());
			Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
			List<String> servers = kafka.getConsumer().getBootstrapServers() != null
					? kafka.getConsumer().getBootstrapServers() : kafka.getBootstrapServers();
			config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
			Map<String, String> base = normalized(config);
			Map<String, Object> consumerConfig = new HashMap<>(config);
			consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, DirectoryLoader.CLIENT_ID);
			DirectoryLoader.consumerOverrides().forEach((key, value) -> consumerConfig.put((String) key, value));
			Directory directory = new Directory();
			DirectoryLoader loader = new DirectoryLoader(
					() -> new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer()),
					directory, topics);
			if (STARTED.compareAndSet(null, new Started(base, topics, directory, loader))) {
				loader.start();
			}
		}
		catch (RuntimeException ex) {
			// the context's own loader will do it
			log.debug("Directory rebuild not started early: {}", ex.toString());
		}
	}

	/** The early loader, once: null when none was started (or it was already taken). */
	static Started take() {
		return STARTED.getAndSet(null);
	}

	static Map<String, String> normalized(Map<String, Object> config) {
		Map<String, String> normalized = new HashMap<>();
		config.forEach((key, value) -> normalized.put(key, value instanceof List<?> list
				? String.join(",", list.stream().map(Objects::toString).toList()) : String.valueOf(value)));
		return normalized;
	}

}
