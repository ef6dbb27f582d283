package io.spotbridge.worker.reconcile;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.spotbridge.worker.spot.SpotClients;
import io.spotbridge.worker.spot.TenantGuard;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Pauses partitions whose events must wait and resumes them by itself: every 200 ms it resumes each paused partition
 * whose deferrals are all due and whose tenants' breakers let calls through again (an outage breaker that went
 * half-open, a credentials gate ready for its next probe). Pausing goes through the listener container, which applies
 * it before its next poll and keeps it across rebalances.
 */
@Component
public class PartitionPauses implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PartitionPauses.class);

	private final SpotClients clients;

	private final Clock clock;

	private final Map<TopicPartition, List<Deferral>> paused = new ConcurrentHashMap<>();

	private final AtomicReference<MessageListenerContainer> container = new AtomicReference<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "partition-resumer");
		thread.setDaemon(true);
		return thread;
	});

	PartitionPauses(SpotClients clients, Clock clock, MeterRegistry registry) {
		this.clients = clients;
		this.clock = clock;
		Gauge.builder("bridge.worker.partitions.paused", paused, Map::size)
			.description("Partitions of the user events this worker has paused (waiting for Spot or a token)")
			.register(registry);
		scheduler.scheduleWithFixedDelay(this::resumeDue, 200, 200, TimeUnit.MILLISECONDS);
	}

	void attach(MessageListenerContainer listenerContainer) {
		container.set(listenerContainer);
	}

	void pause(TopicPartition partition, List<Deferral> deferrals) {
		paused.put(partition, List.copyOf(deferrals));
		MessageListenerContainer current = container.get();
		if (current != null) {
			current.pausePartition(partition);
		}
		log.info("Paused {}: waiting for {}", partition, deferrals.stream().map(this::describe).distinct().toList());
	}

	/** The partitions went to another consumer: their pauses are that consumer's business now. */
	void forget(java.util.Collection<TopicPartition> partitions) {
		MessageListenerContainer current = container.get();
		for (TopicPartition partition : partitions) {
			if (paused.remove(partition) != null && current != null) {
				current.resumePartition(partition);
			}
		}
	}

	/** The partitions paused now. */
	public Set<TopicPartition> paused() {
		return Set.copyOf(paused.keySet());
	}

	/** Tenant -> the reasons its events wait for, over all paused partitions. */
	public Map<String, Set<String>> waitingTenants() {
		Map<String, Set<String>> tenants = new TreeMap<>();
		paused.values().forEach(deferrals -> deferrals.forEach(deferral -> tenants
			.computeIfAbsent(deferral.tenant(), t -> new java.util.TreeSet<>())
			.add(deferral.reason().tag())));
		return tenants;
	}

	void resumeDue() {
		try {
			paused.forEach((partition, deferrals) -> {
				if (deferrals.stream().allMatch(this::isDue) && paused.remove(partition, deferrals)) {
					MessageListenerContainer current = container.get();
					if (current != null) {
						current.resumePartition(partition);
					}
					log.info("Resumed {}", partition);
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("Resuming paused partitions failed: {}", ex.toString());
		}
	}

	private boolean isDue(Deferral deferral) {
		return !clock.instant().isBefore(deferral.notBefore())
				&& clients.guard(deferral.tenant()).map(TenantGuard::admitsCalls).orElse(true);
	}

	private String describe(Deferral deferral) {
		return deferral.tenant() + ":" + deferral.reason().tag();
	}

	@Override
	public void destroy() {
		scheduler.shutdownNow();
	}

}
