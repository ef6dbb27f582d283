package io.spotbridge.worker.reconcile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker consumes the user events.
 *
 * @param groupId         the consumer group (all replicas share it)
 * @param concurrency     consumer threads in this replica (each owns some partitions)
 * @param maxInFlight     users reconciled at once per consumer thread (keys of one poll batch run concurrently)
 * @param maxPollRecords  the most records one poll hands over (one batch)
 * @param maxPollInterval Kafka's {@code max.poll.interval.ms}: a batch must finish well within it
 * @param fetchMinBytes   Kafka's {@code fetch.min.bytes}: under load, batches of events rather than one or two per
 *                        poll (fewer polls, offset commits and link writes per user)
 * @param fetchMaxWait    Kafka's {@code fetch.max.wait.ms}: how long the broker may gather {@code fetchMinBytes};
 *                        the most an event waits for it when the load is light
 */
@ConfigurationProperties("bridge.consumer")
public record ConsumerProperties(@DefaultValue("provisioner-worker") String groupId,
		@DefaultValue("3") int concurrency, @DefaultValue("64") int maxInFlight,
		@DefaultValue("500") int maxPollRecords, @DefaultValue("5m") Duration maxPollInterval,
		@DefaultValue("16384") int fetchMinBytes, @DefaultValue("20ms") Duration fetchMaxWait) {
}
