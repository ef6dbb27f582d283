package io.spotbridge.ingress.directory;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.spotbridge.ingress.system.IngressProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The directory and its loader: the ones {@link EarlyDirectoryLoad} already started when they read from the same
 * Kafka with the same settings, else new ones (the loader starts as soon as its bean exists).
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConfig {

	private static final Logger log = LoggerFactory.getLogger(DirectoryConfig.class);

	record DirectorySetup(Directory directory, DirectoryLoader loader) {
	}

	@Bean
	DirectorySetup directorySetup(ConsumerFactory<String, byte[]> consumerFactory, IngressProperties properties) {
		List<String> topics = List.of(properties.topics().userEvents(), properties.topics().groupEvents());
		EarlyDirectoryLoad.Started early = EarlyDirectoryLoad.take();
		if (early != null) {
			if (early.matches(consumerFactory.getConfigurationProperties(), topics)) {
				return new DirectorySetup(early.directory(), early.loader());
			}
			log.info("The directory rebuild started early read with other Kafka settings; starting it again");
			early.abandon();
		}
		Directory directory = new Directory();
		return new DirectorySetup(directory, new DirectoryLoader(() -> consumerFactory.createConsumer(null,
				DirectoryLoader.CLIENT_ID, null, DirectoryLoader.consumerOverrides()), directory, topics));
	}

	@Bean
	Directory directory(DirectorySetup setup, MeterRegistry meters) {
		setup.directory().bindMetrics(meters);
		return setup.directory();
	}

	@Bean
	DirectoryLoader directoryLoader(DirectorySetup setup, Directory directory, MeterRegistry meters) {
		setup.loader().bindMetrics(meters);
		return setup.loader();
	}

}
