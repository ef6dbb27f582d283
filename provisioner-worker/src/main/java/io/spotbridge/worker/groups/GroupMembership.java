package io.spotbridge.worker.groups;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.spotbridge.model.EventKey;
import io.spotbridge.worker.links.GroupLink;
import io.spotbridge.worker.links.LinkStore;
import io.spotbridge.worker.reconcile.FailureKind;
import io.spotbridge.worker.reconcile.UserEventsConsumer;
import io.spotbridge.worker.spot.SpotClient;
import io.spotbridge.worker.spot.SpotClients;
import io.spotbridge.worker.spot.SpotNotFoundException;
import io.spotbridge.worker.system.TopicProperties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps Spot group memberships current between group events. A group's Spot members are the Spot users of its SCIM
 * members, so they change when a member's Spot user appears (provisioned after the group was pushed, re-created on
 * reactivation) or disappears (deactivated): the {@link LinkStore} reports those changes and the groups listing the
 * user are refreshed, in turn with the group's events ({@link GroupTurns}). Because a refresh may be lost (a crash
 * right after the user's link was written, retries exhausted during an outage), every group this replica consumes is
 * also checked when its partition is assigned and every {@code bridge.groups.resync-interval}.
 *
 * <p>
 * Metric: {@code bridge.worker.group.membership.refreshes{tenant,outcome}}, outcome {@code changed},
 * {@code unchanged}, {@code skipped} (no Spot group to refresh) or {@code failed}.
 */
@Component
public class GroupMembership implements SmartLifecycle {

	public static final String REFRESHES = "bridge.worker.group.membership.refreshes";

	private static final Logger log = LoggerFactory.getLogger(GroupMembership.class);

	private final LinkStore links;

	private final SpotClients clients;

	private final GroupMembers members;

	private final GroupTurns turns;

	private final GroupProperties properties;

	private final UserEventsConsumer consumer;

	private final KafkaTemplate<String, byte[]> kafka;

	private final String groupTopic;

	private final MeterRegistry registry;

	private final Set<EventKey> queued = ConcurrentHashMap.newKeySet();

	private volatile Set<TopicPartition> owned = Set.of();

	private volatile long lastFullCheck;

	private volatile int partitionCount;

	private volatile Disposable checks;

	GroupMembership(LinkStore links, SpotClients clients, GroupMembers members, GroupTurns turns,
			GroupProperties properties, UserEventsConsumer consumer, KafkaTemplate<String, byte[]> kafka,
			TopicProperties topics, MeterRegistry registry) {
		this.links = links;
		this.clients = clients;
		this.members = members;
		this.turns = turns;
		this.properties = properties;
		this.consumer = consumer;
		this.kafka = kafka;
		this.groupTopic = topics.groupEvents();
		this.registry = registry;
		links.onSpotUserChange(this::userChanged);
	}

	/** A user's Spot user appeared, changed or disappeared: refresh the groups that list it. */
	void userChanged(EventKey user) {
		links.groupsListing(user).forEach(this::refresh);
	}

	/** Refreshes the group's Spot members in the background; a refresh already waiting for its turn covers this one. */
	public void refresh(EventKey group) {
		if (!queued.add(group)) {
			return;
		}
		// off the caller's thread: links are applied on the Kafka producer's and the link store's threads
		turns.run(group, () -> {
			queued.remove(group);
			return refreshNow(group);
		})
			.subscribeOn(Schedulers.parallel())
			.retryWhen(Retry.backoff(Math.max(0, properties.refreshAttempts() - 1), Duration.ofMillis(500))
				.maxBackoff(Duration.ofSeconds(30))
				.filter(error -> FailureKind.of(error) != FailureKind.PERMANENT))
			.subscribe(outcome -> count(group, outcome), error -> {
				log.warn("Could not refresh the Spot members of group {} ({}); the next check will", group,
						rootMessage(error));
				count(group, "failed");
			});
	}

	private Mono<String> refreshNow(EventKey group) {
		GroupLink link = links.findGroup(group).orElse(null);
		SpotClient spot = clients.forTenant(group.tenant()).orElse(null);
		if (link == null || link.spotGroup().isEmpty() || spot == null) {
			return Mono.just("skipped");
		}
		return spot.getGroup(link.spotGroupId())
			.flatMap(current -> members.sync(spot, current, link.members()))
			.map(changed -> {
				if (changed) {
					log.info("Refreshed the Spot members of group {} (Spot group {})", group, link.spotGroupId());
				}
				return changed ? "changed" : "unchanged";
			})
			.onErrorResume(SpotNotFoundException.class, gone -> {
				log.info("Spot group {} of {} is gone; the group's next event re-creates it", link.spotGroupId(), group);
				return Mono.just("skipped");
			});
	}

	/** Refreshes every linked group that passes the filter. */
	void check(Predicate<GroupLink> which) {
		links.groups().stream().filter(link -> link.spotGroup().isPresent()).filter(which)
			.forEach(link -> refresh(link.key()));
	}

	private void tick() {
		Set<TopicPartition> assigned = new HashSet<>();
		consumer.container().getAssignedPartitions().stream()
			.filter(partition -> partition.topic().equals(groupTopic))
			.forEach(assigned::add);
		Set<TopicPartition> added = new HashSet<>(assigned);
		added.removeAll(owned);
		owned = Set.copyOf(assigned);
		boolean full = !properties.resyncInterval().isZero()
				&& System.nanoTime() - lastFullCheck >= properties.resyncInterval().toNanos();
		if (assigned.isEmpty() || (added.isEmpty() && !full)) {
			return;
		}
		Set<Integer> partitions = new HashSet<>();
		(full ? assigned : added).forEach(partition -> partitions.add(partition.partition()));
		if (full) {
			lastFullCheck = System.nanoTime();
		}
		int count = partitionCount();
		check(link -> count > 0 && partitions.contains(partitionOf(link.key(), count)));
	}

	/** The partition the producers' default partitioner gives the key (the ingress keys group events this way). */
	static int partitionOf(EventKey key, int partitions) {
		return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	private int partitionCount() {
		if (partitionCount == 0) {
			try {
				partitionCount = kafka.partitionsFor(groupTopic).size();
			}
			catch (RuntimeException ex) {
				log.debug("No partition count of {} yet: {}", groupTopic, ex.toString());
			}
		}
		return partitionCount;
	}

	private void count(EventKey group, String outcome) {
		Counter.builder(REFRESHES)
			.description("Refreshes of a Spot user group's members outside group events, by outcome")
			.tag("tenant", group.tenant())
			.tag("outcome", outcome)
			.register(registry)
			.increment();
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	@Override
	public int getPhase() {
		return LinkStore.PHASE + 2000;
	}

	@Override
	public void start() {
		lastFullCheck = System.nanoTime();
		checks = Flux.interval(properties.assignmentCheck())
			.onBackpressureDrop()
			.subscribe(tick -> {
				try {
					tick();
				}
				catch (RuntimeException ex) {
					log.warn("Group membership check failed: {}", ex.toString());
				}
			});
	}

	@Override
	public void stop() {
		Disposable current = checks;
		if (current != null) {
			current.dispose();
		}
		checks = null;
	}

	@Override
	public boolean isRunning() {
		return checks != null;
	}

}
