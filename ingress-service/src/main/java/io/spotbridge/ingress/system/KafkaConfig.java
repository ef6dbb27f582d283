package io.spotbridge.ingress.system;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The event topics (declared here, created when missing) and the producer's delivery guarantees. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	@Bean
	KafkaAdmin.NewTopics eventTopics(IngressProperties properties) {
		var layout = properties.topics();
		return new KafkaAdmin.NewTopics(compacted(layout.userEvents(), layout), compacted(layout.groupEvents(), layout));
	}

	private static org.apache.kafka.clients.admin.NewTopic compacted(String name, IngressProperties.TopicLayout layout) {
		return TopicBuilder.name(name)
			.partitions(layout.partitions())
			.replicas(layout.replicationFactor())
			.compact()
			.config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(layout.minCompactionLag().toMillis()))
			.build();
	}

	/**
	 * acks=all and idempotence so an acknowledged event is durable and never duplicated; the producer's own delivery
	 * timeout equals the write timeout so a record the client was told failed is not silently retried afterwards.
	 */
	@Bean
	DefaultKafkaProducerFactoryCustomizer deliveryGuarantees(IngressProperties properties) {
		long timeout = properties.writeTimeout().toMillis();
		long requestTimeout = Math.max(1000, timeout - 1000);
		return factory -> factory.updateConfigs(Map.of(ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
				(int) timeout, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout));
	}

}
