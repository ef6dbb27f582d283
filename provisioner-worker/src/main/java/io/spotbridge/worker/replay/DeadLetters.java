package io.spotbridge.worker.replay;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.spotbridge.model.EventCodec;
import io.spotbridge.model.EventKey;
import io.spotbridge.model.LifecycleEvent;
import io.spotbridge.worker.deadletter.DeadLetterHeaders;
import io.spotbridge.model.Topics;
import io.spotbridge.worker.links.GroupLink;
import io.spotbridge.worker.links.LinkStore;
import io.spotbridge.worker.links.UserLink;
import io.spotbridge.worker.system.TopicProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter topics (users' and groups') from the beginning (assigned partitions, no consumer group) and
 * tells for each dead letter whether it is superseded: a newer version of the user or group is on its events topic, the link store shows that the
 * worker applied this version or a newer one, or the letter was already replayed (a replay of it, with a higher replay
 * count, is on the events topic or came back as a later dead letter). Also keeps the dead-letter gauges.
 */
@Component
public class DeadLetters {

	private static final EventCodec CODEC = new EventCodec();

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	private final ConsumerFactory<String, byte[]> consumerFactory;

	private final TopicProperties topics;

	private final LinkStore links;

	private final Clock clock;

	private final MeterRegistry registry;

	private final Map<String, AtomicLong> depth = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> oldestAge = new ConcurrentHashMap<>();

	DeadLetters(ConsumerFactory<String, byte[]> consumerFactory, TopicProperties topics, LinkStore links, Clock clock,
			MeterRegistry registry) {
		this.consumerFactory = consumerFactory;
		this.topics = topics;
		this.links = links;
		this.clock = clock;
		this.registry = registry;
	}

	/** A dead letter with its original record, as read from the topic. */
	record Letter(DeadLetter view, ConsumerRecord<String, byte[]> record) {
	}

	/** The dead letters matching the filter, in topic order (partition, offset); refreshes the gauges. */
	public List<DeadLetter> list(DeadLetterFilter filter) {
		return letters(filter).stream().map(Letter::view).toList();
	}

	List<Letter> letters(DeadLetterFilter filter) {
		List<Letter> all = readAll();
		updateGauges(all);
		return all.stream().filter(letter -> filter.matches(letter.view())).toList();
	}

	/** Recomputes the depth and oldest-age gauges. */
	public void refreshMetrics() {
		updateGauges(readAll());
	}

	private List<Letter> readAll() {
		List<Letter> result = new ArrayList<>();
		for (String events : topics.eventTopics()) {
			result.addAll(readAll(events, Topics.deadLetterTopic(events)));
		}
		return result;
	}

	private List<Letter> readAll(String eventsTopic, String deadLetterTopic) {
		List<ConsumerRecord<String, byte[]>> letters = read(deadLetterTopic);
		if (letters.isEmpty()) {
			return List.of();
		}
		// per key: the newest version on the events topic, and per key+version the highest replay count seen there
		Map<String, Long> newestVersion = new HashMap<>();
		Map<String, Integer> replays = new HashMap<>();
		for (ConsumerRecord<String, byte[]> event : read(eventsTopic)) {
			long version = version(event);
			if (event.key() == null || version < 0) {
				continue;
			}
			newestVersion.merge(event.key(), version, Math::max);
			replays.merge(event.key() + "@" + version, replayCount(event), Math::max);
		}
		for (ConsumerRecord<String, byte[]> letter : letters) {
			long version = version(letter);
			if (letter.key() != null && version >= 0) {
				replays.merge(letter.key() + "@" + version, replayCount(letter), Math::max);
			}
		}
		List<Letter> result = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : letters) {
			result.add(new Letter(view(record, newestVersion, replays), record));
		}
		return result;
	}

	private DeadLetter view(ConsumerRecord<String, byte[]> record, Map<String, Long> newestVersion,
			Map<String, Integer> replays) {
		String tenant = "?";
		String userId = record.key() == null ? "?" : record.key();
		EventKey key = null;
		try {
			key = EventKey.parse(record.key());
			tenant = key.tenant();
			userId = key.id();
		}
		catch (IllegalArgumentException ex) {
			// an unreadable key: shown as it is
		}
		String type = header(record, "x-event-type");
		long version = -1;
		try {
			LifecycleEvent event = CODEC.decode(record.value());
			type = event.type();
			version = event.version();
		}
		catch (RuntimeException ex) {
			// undecodable value: dead-lettered as such
		}
		int replayCount = replayCount(record);
		boolean superseded = false;
		if (record.key() != null && version >= 0) {
			superseded = newestVersion.getOrDefault(record.key(), -1L) > version
					|| replays.getOrDefault(record.key() + "@" + version, 0) > replayCount;
			if (!superseded && key != null) {
				long fence = version;
				boolean group = record.topic().equals(topics.groupDeadLetters());
				Optional<Long> applied = group ? links.findGroup(key).map(GroupLink::appliedVersion)
						: links.find(key).map(UserLink::appliedVersion);
				superseded = applied.filter(version1 -> version1 >= fence).isPresent();
			}
		}
		return new DeadLetter(tenant, userId, type == null ? "?" : type, version,
				orEmpty(header(record, DeadLetterHeaders.EXCEPTION_CLASS)),
				orEmpty(header(record, DeadLetterHeaders.EXCEPTION_MESSAGE)),
				parseInt(header(record, DeadLetterHeaders.ATTEMPTS)),
				instant(header(record, DeadLetterHeaders.FIRST_FAILURE), record.timestamp()), replayCount, superseded,
				record.topic(), record.partition(), record.offset());
	}

	private void updateGauges(List<Letter> all) {
		Instant now = clock.instant();
		Map<String, Long> counts = new HashMap<>();
		Map<String, Instant> oldest = new HashMap<>();
		for (Letter letter : all) {
			DeadLetter view = letter.view();
			counts.putIfAbsent(view.tenant(), 0L);
			if (view.superseded()) {
				continue;
			}
			counts.merge(view.tenant(), 1L, Long::sum);
			if (view.firstFailure() != null) {
				oldest.merge(view.tenant(), view.firstFailure(), (a, b) -> a.isBefore(b) ? a : b);
			}
		}
		Set<String> tenants = new java.util.HashSet<>(counts.keySet());
		tenants.addAll(depth.keySet());
		for (String tenant : tenants) {
			gauge(depth, "bridge.worker.deadletters.depth", "Dead letters not superseded nor replayed yet", tenant)
				.set(counts.getOrDefault(tenant, 0L));
			Instant first = oldest.get(tenant);
			gauge(oldestAge, "bridge.worker.deadletters.oldest.age",
					"Seconds since the first failure of the oldest pending dead letter", tenant)
				.set(first == null ? 0 : Math.max(0, Duration.between(first, now).toSeconds()));
		}
	}

	private AtomicLong gauge(Map<String, AtomicLong> gauges, String name, String description, String tenant) {
		return gauges.computeIfAbsent(tenant, t -> {
			AtomicLong value = new AtomicLong();
			Gauge.builder(name, value, AtomicLong::get).description(description).tag("tenant", t).register(registry);
			return value;
		});
	}

	private List<ConsumerRecord<String, byte[]>> read(String topic) {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		try (Consumer<String, byte[]> consumer = consumerFactory.createConsumer(null, "dead-letters",
				"-" + CLIENTS.incrementAndGet(), overrides)) {
			List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
			if (infos == null || infos.isEmpty()) {
				return List.of();
			}
			List<TopicPartition> partitions = infos.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
			while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
				}
				consumer.poll(Duration.ofMillis(200)).forEach(record -> {
					if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
						records.add(record);
					}
				});
			}
			records.sort(java.util.Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
				.thenComparingLong(ConsumerRecord::offset));
			return records;
		}
	}

	static int replayCount(ConsumerRecord<String, byte[]> record) {
		return parseInt(header(record, ReplayHeaders.REPLAY_COUNT));
	}

	private static long version(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return -1;
		}
		try {
			return CODEC.decode(record.value()).version();
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static int parseInt(String value) {
		try {
			return value == null ? 0 : Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static Instant instant(String value, long fallbackMillis) {
		try {
			return value == null ? Instant.ofEpochMilli(fallbackMillis) : Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			return Instant.ofEpochMilli(fallbackMillis);
		}
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

}
