package io.spotbridge.worker.system;

import java.time.Duration;
import java.util.List;

import io.spotbridge.model.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's topics. The worker declares all of them (created when missing): the user and group events (same
 * layout as the ingress declares them), their dead letters ({@code <events>-dlt}, same partition count) and the links.
 *
 * @param userEvents        compacted; the user lifecycle events the worker consumes
 * @param groupEvents       compacted; the group lifecycle events the worker consumes
 * @param userLinks         compacted; {@code <tenant>/<scimUserId>} -> Spot user id and applied version
 * @param groupLinks        compacted; {@code <tenant>/<scimGroupId>} -> Spot user group id, applied version, members
 * @param partitions        partitions of each topic
 * @param replicationFactor replicas of each topic
 * @param minCompactionLag  how long records stay before compaction may drop them (audit history)
 */
@ConfigurationProperties("bridge.topics")
public record TopicProperties(@DefaultValue(Topics.USER_EVENTS) String userEvents,
		@DefaultValue(Topics.GROUP_EVENTS) String groupEvents, @DefaultValue(Topics.USER_LINKS) String userLinks,
		@DefaultValue(Topics.GROUP_LINKS) String groupLinks, @DefaultValue("6") int partitions,
		@DefaultValue("1") short replicationFactor, @DefaultValue("7d") Duration minCompactionLag) {

	public String userDeadLetters() {
		return Topics.deadLetterTopic(userEvents);
	}

	public String groupDeadLetters() {
		return Topics.deadLetterTopic(groupEvents);
	}

	/** The topics the worker consumes: users first, then groups. */
	public List<String> eventTopics() {
		return List.of(userEvents, groupEvents);
	}

	/** The events topic a dead-letter topic belongs to, if it is one of the worker's. */
	public java.util.Optional<String> eventsTopicOf(String deadLetterTopic) {
		return eventTopics().stream().filter(topic -> Topics.deadLetterTopic(topic).equals(deadLetterTopic)).findFirst();
	}

}
