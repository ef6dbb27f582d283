package io.spotbridge.worker.system;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics the worker declares, and the delivery guarantees of its consumer and producer. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	@Bean
	KafkaAdmin.NewTopics workerTopics(TopicProperties topics) {
		return new KafkaAdmin.NewTopics(compacted(topics.userEvents(), topics), compacted(topics.groupEvents(), topics),
				compacted(topics.userLinks(), topics), compacted(topics.groupLinks(), topics),
				plain(topics.userDeadLetters(), topics), plain(topics.groupDeadLetters(), topics));
	}

	private static NewTopic plain(String name, TopicProperties topics) {
		return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
	}

	private static NewTopic compacted(String name, TopicProperties topics) {
		return TopicBuilder.name(name)
			.partitions(topics.partitions())
			.replicas(topics.replicationFactor())
			.compact()
			.config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(topics.minCompactionLag().toMillis()))
			.build();
	}

	/** Links and dead letters are written with acks=all and idempotence: an offset is committed only after they are durable. */
	@Bean
	DefaultKafkaProducerFactoryCustomizer durableWrites() {
		return factory -> factory.updateConfigs(Map.of(ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
	}

	/** Offsets are committed by the worker after processing; a topic never springs into being by being read. */
	@Bean
	DefaultKafkaConsumerFactoryCustomizer manualCommits() {
		return factory -> factory.updateConfigs(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false));
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
