package io.spotbridge.worker.system;

import java.time.Duration;

import io.spotbridge.model.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's topics. The worker declares all of them (created when missing): the user events (same layout as the
 * ingress declares them), their dead letters ({@code <userEvents>-dlt}, same partition count) and the links.
 *
 * @param userEvents        compacted; the lifecycle events the worker consumes
 * @param userLinks         compacted; {@code <tenant>/<scimUserId>} -> Spot user id and applied version
 * @param partitions        partitions of each topic
 * @param replicationFactor replicas of each topic
 * @param minCompactionLag  how long records stay before compaction may drop them (audit history)
 */
@ConfigurationProperties("bridge.topics")
public record TopicProperties(@DefaultValue(Topics.USER_EVENTS) String userEvents,
		@DefaultValue(Topics.USER_LINKS) String userLinks, @DefaultValue("6") int partitions,
		@DefaultValue("1") short replicationFactor, @DefaultValue("7d") Duration minCompactionLag) {

	public String userDeadLetters() {
		return Topics.deadLetterTopic(userEvents);
	}

}
