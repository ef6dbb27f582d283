package io.spotbridge.worker.links;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.spotbridge.model.EventKey;
import io.spotbridge.worker.system.TopicProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The links of every user and group, in memory, rebuilt from the compacted links topics at start and then kept current
 * by tailing them (so links written by another worker replica before a rebalance are seen too). It reads all
 * partitions without a consumer group. Until it has read up to the end offsets seen at start, {@link #isCaughtUp()} is
 * false: readiness is DOWN and the event consumer does not start, so the version fence never works from a partial
 * map. Per key the link with the highest applied version wins.
 *
 * <p>
 * It also answers which groups list a user, and tells its listeners when a user's Spot user appears, changes or
 * disappears (whether this replica wrote the link or another one did), so that group memberships follow.
 */
@Component
public class LinkStore implements SmartLifecycle {

	/** Starts before the event consumer ({@code ConsumptionLifecycle}) and stops after it. */
	public static final int PHASE = Integer.MAX_VALUE - 2000;

	private static final Logger log = LoggerFactory.getLogger(LinkStore.class);

	private final ConsumerFactory<String, byte[]> consumerFactory;

	private final String topic;

	private final String groupTopic;

	private final Map<String, UserLink> links = new ConcurrentHashMap<>();

	private final Map<String, GroupLink> groupLinks = new ConcurrentHashMap<>();

	/** user key -> keys of the groups whose newest link lists the user; guarded by itself */
	private final Map<String, Set<String>> groupsByMember = new HashMap<>();

	private final List<java.util.function.Consumer<EventKey>> spotUserListeners = new CopyOnWriteArrayList<>();

	private final List<Runnable> caughtUpListeners = new CopyOnWriteArrayList<>();

	private final AtomicLong recordsRead = new AtomicLong();

	/** user key -> this replica's link write on its way to the topic (see {@link #expectOwnWrite}) */
	private final Map<String, OwnWrite> ownWrites = new ConcurrentHashMap<>();

	private volatile boolean caughtUp;

	private volatile Duration rebuildTime;

	private volatile boolean running;

	private volatile Consumer<String, byte[]> consumer;

	private Thread thread;

	public LinkStore(ConsumerFactory<String, byte[]> consumerFactory, TopicProperties topics, MeterRegistry registry) {
		this.consumerFactory = consumerFactory;
		this.topic = topics.userLinks();
		this.groupTopic = topics.groupLinks();
		Gauge.builder("bridge.worker.links.size", links, Map::size)
			.description("Users the worker has a link for (including deleted ones)")
			.register(registry);
		Gauge.builder("bridge.worker.group.links.size", groupLinks, Map::size)
			.description("Groups the worker has a link for (including deleted ones)")
			.register(registry);
	}

	public Optional<UserLink> find(EventKey key) {
		return Optional.ofNullable(links.get(key.toString()));
	}

	public Optional<GroupLink> findGroup(EventKey key) {
		return Optional.ofNullable(groupLinks.get(key.toString()));
	}

	/** The Spot user id a SCIM user is linked to now, if it has one. */
	public Optional<String> spotUserOf(EventKey user) {
		return find(user).flatMap(UserLink::spotUser);
	}

	/** The keys of the groups whose newest link lists the user. */
	public Set<EventKey> groupsListing(EventKey user) {
		synchronized (groupsByMember) {
			Set<String> groups = groupsByMember.getOrDefault(user.toString(), Set.of());
			Set<EventKey> keys = new HashSet<>();
			groups.forEach(group -> keys.add(EventKey.parse(group)));
			return keys;
		}
	}

	/** Every group link (a snapshot, in no particular order). */
	public List<GroupLink> groups() {
		return List.copyOf(groupLinks.values());
	}

	/**
	 * Calls the listener with the key of a user whose Spot user id changed (created, re-created, deleted), once the
	 * store has caught up; on the thread that applied the link.
	 */
	public void onSpotUserChange(java.util.function.Consumer<EventKey> listener) {
		spotUserListeners.add(listener);
	}

	/** Keeps the link unless the store already has one with a higher applied version. */
	public void apply(UserLink link) {
		UserLink[] previous = new UserLink[1];
		UserLink kept = links.merge(link.key().toString(), link, (current, candidate) -> {
			previous[0] = current;
			return candidate.supersedes(current) ? candidate : current;
		});
		boolean changed = kept == link
				&& (previous[0] == null ? kept.spotUser().isPresent() : !previous[0].spotUserId().equals(kept.spotUserId()));
		if (changed && caughtUp) {
			spotUserListeners.forEach(listener -> listener.accept(link.key()));
		}
	}

	/** Keeps the group link unless the store already has one with a higher applied version. */
	public void apply(GroupLink link) {
		synchronized (groupsByMember) {
			GroupLink current = groupLinks.get(link.key().toString());
			if (current != null && !link.supersedes(current)) {
				return;
			}
			groupLinks.put(link.key().toString(), link);
			String group = link.key().toString();
			if (current != null) {
				current.members().forEach(member -> {
					Set<String> groups = groupsByMember.get(current.memberKey(member).toString());
					if (groups != null && groups.remove(group) && groups.isEmpty()) {
						groupsByMember.remove(current.memberKey(member).toString());
					}
				});
			}
			if (link.spotGroup().isPresent()) {
				link.members()
					.forEach(member -> groupsByMember.computeIfAbsent(link.memberKey(member).toString(),
							key -> new HashSet<>()).add(group));
			}
		}
	}

	/**
	 * Tells the store that this replica is writing the record of a user link: when the store reads the very record back
	 * from the topic before the writer {@link #apply applied} it (the broker's answer and the read race), it skips it
	 * instead of decoding it, because the writer applies the same link. Each call must be followed by
	 * {@link #ownWriteDone} or {@link #ownWriteFailed}.
	 */
	OwnWrite expectOwnWrite(String key, byte[] value) {
		OwnWrite write = new OwnWrite(value);
		ownWrites.put(key, write);
		return write;
	}

	/** The write succeeded and its link was applied. */
	void ownWriteDone(String key, OwnWrite write) {
		ownWrites.remove(key, write);
	}

	/**
	 * The write failed (as far as the producer knows). If the store has nevertheless read the record from the topic
	 * meanwhile (and skipped it), the link is applied now, as reading it would have done.
	 */
	void ownWriteFailed(String key, OwnWrite write, UserLink link) {
		if (ownWrites.remove(key, write) && write.seen) {
			apply(link);
		}
	}

	/** Whether the record is this replica's pending write (marked as seen then: see {@link #ownWriteFailed}). */
	private boolean isOwnPendingWrite(ConsumerRecord<String, byte[]> record) {
		if (ownWrites.isEmpty() || record.topic().equals(groupTopic)) {
			return false;
		}
		boolean[] own = new boolean[1];
		// atomic with the writer's removal of the entry
		ownWrites.computeIfPresent(record.key(), (key, write) -> {
			if (java.util.Arrays.equals(write.value, record.value())) {
				write.seen = true;
				own[0] = true;
			}
			return write;
		});
		return own[0];
	}

	/** A user link record this replica is writing. */
	static final class OwnWrite {

		private final byte[] value;

		/** whether the store read the record from the topic (guarded by the map's per-key lock) */
		private boolean seen;

		private OwnWrite(byte[] value) {
			this.value = value;
		}

	}

	public boolean isCaughtUp() {
		return caughtUp;
	}

	public long size() {
		return links.size();
	}

	public long recordsRead() {
		return recordsRead.get();
	}

	public Optional<Duration> rebuildTime() {
		return Optional.ofNullable(rebuildTime);
	}

	/** Runs the action once the store has caught up (at once if it already has), on the loader thread. */
	public void whenCaughtUp(Runnable action) {
		synchronized (caughtUpListeners) {
			if (!caughtUp) {
				caughtUpListeners.add(action);
				return;
			}
		}
		action.run();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void start() {
		running = true;
		thread = new Thread(this::run, "link-store");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		Consumer<String, byte[]> current = consumer;
		if (current != null) {
			current.wakeup();
		}
		if (thread != null) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		Instant started = Instant.now();
		while (running) {
			try (Consumer<String, byte[]> c = consumerFactory.createConsumer(null, "link-store", null, overrides())) {
				consumer = c;
				List<TopicPartition> partitions = new ArrayList<>(partitions(c, topic));
				partitions.addAll(partitions(c, groupTopic));
				c.assign(partitions);
				c.seekToBeginning(partitions);
				Map<TopicPartition, Long> end = caughtUp ? Map.of() : Map.copyOf(c.endOffsets(partitions));
				while (running) {
					c.poll(Duration.ofMillis(200)).forEach(this::read);
					if (!caughtUp && reached(c, end)) {
						markCaughtUp(Duration.between(started, Instant.now()));
					}
				}
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (RuntimeException ex) {
				if (running) {
					log.warn("Link store lost Kafka ({}); reconnecting", ex.toString());
					sleep(Duration.ofSeconds(1));
				}
			}
		}
	}

	void markCaughtUp(Duration took) {
		List<Runnable> listeners;
		synchronized (caughtUpListeners) {
			rebuildTime = took;
			caughtUp = true;
			listeners = new ArrayList<>(caughtUpListeners);
			caughtUpListeners.clear();
		}
		log.info("Link store caught up: {} user links and {} group links from {} records in {} ms", links.size(),
				groupLinks.size(), recordsRead.get(), took.toMillis());
		listeners.forEach(Runnable::run);
	}

	void read(ConsumerRecord<String, byte[]> record) {
		recordsRead.incrementAndGet();
		if (record.value() == null || record.key() == null) {
			return;
		}
		if (alreadyHeld(record) || isOwnPendingWrite(record)) {
			return;
		}
		try {
			if (record.topic().equals(groupTopic)) {
				apply(LinkCodec.decodeGroup(record.key(), record.value()));
			}
			else {
				apply(LinkCodec.decode(record.key(), record.value()));
			}
		}
		catch (IllegalArgumentException ex) {
			log.warn("Skipping unreadable link at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
		}
	}

	/** A record whose version the store already holds for its key (typically this replica's own write): not decoded. */
	private boolean alreadyHeld(ConsumerRecord<String, byte[]> record) {
		long version = LinkCodec.headerVersion(record);
		if (version < 0) {
			return false;
		}
		if (record.topic().equals(groupTopic)) {
			GroupLink held = groupLinks.get(record.key());
			return held != null && held.appliedVersion() >= version;
		}
		UserLink held = links.get(record.key());
		return held != null && held.appliedVersion() >= version;
	}

	private Properties overrides() {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return overrides;
	}

	private List<TopicPartition> partitions(Consumer<String, byte[]> c, String topic) {
		while (running) {
			List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
			if (infos != null && !infos.isEmpty()) {
				return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
			}
			log.info("Waiting for topic {} to exist", topic);
			sleep(Duration.ofSeconds(1));
		}
		throw new WakeupException();
	}

	private static boolean reached(Consumer<String, byte[]> c, Map<TopicPartition, Long> end) {
		for (Map.Entry<TopicPartition, Long> target : end.entrySet()) {
			if (c.position(target.getKey()) < target.getValue()) {
				return false;
			}
		}
		return true;
	}

	private void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

}
