package io.spotbridge.worker.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The configuration of the workers of one test class: its own topics and consumer group on the shared broker, and
 * its tenants (each with its own token, so its own Spot organization) on the shared simulator. Timings are shortened
 * so that pauses and probes happen within seconds.
 */
public final class WorkerSetup {

	private final String run;

	private final Map<String, String> tokens = new LinkedHashMap<>();

	private final List<String> properties = new ArrayList<>();

	private WorkerSetup(String name) {
		this.run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public static WorkerSetup named(String name) {
		return new WorkerSetup(name);
	}

	/** Adds a tenant; its token is unique to this setup. */
	public WorkerSetup tenant(String tenant) {
		tokens.put(tenant, "token-" + tenant + "-" + run);
		return this;
	}

	public WorkerSetup property(String property) {
		properties.add(property);
		return this;
	}

	public String token(String tenant) {
		return tokens.get(tenant);
	}

	public String userEvents() {
		return run + ".user-events";
	}

	public String userLinks() {
		return run + ".user-links";
	}

	public String deadLetters() {
		return userEvents() + "-dlt";
	}

	public String groupEvents() {
		return run + ".group-events";
	}

	public String groupLinks() {
		return run + ".group-links";
	}

	public String groupDeadLetters() {
		return groupEvents() + "-dlt";
	}

	public EventTopic groupEventTopic() {
		return new EventTopic(bootstrapServers(), groupEvents());
	}

	public String bootstrapServers() {
		return SharedInfra.bootstrapServers();
	}

	public EventTopic eventTopic() {
		return new EventTopic(bootstrapServers(), userEvents());
	}

	List<String> arguments(List<String> extra) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "management.server.port=0",
				"spring.kafka.bootstrap-servers=" + bootstrapServers(), "bridge.topics.user-events=" + userEvents(),
				"bridge.topics.user-links=" + userLinks(), "bridge.topics.group-events=" + groupEvents(),
				"bridge.topics.group-links=" + groupLinks(), "bridge.topics.partitions=3",
				"bridge.consumer.group-id=" + run, "bridge.consumer.concurrency=2",
				"bridge.spot.breaker.wait-in-open=2s", "bridge.spot.credentials.initial-wait=1s",
				"bridge.spot.credentials.max-wait=4s", "bridge.spot.max-rate-limit-wait=2s",
				"bridge.spot.response-timeout=5s", "bridge.retry.pause-after-exhaustion=1s",
				"bridge.retry.max-elapsed=10s", "bridge.defaults.calls-per-second=500"));
		tokens.forEach((tenant, token) -> {
			all.add("bridge.tenants." + tenant + ".token=" + token);
			all.add("bridge.tenants." + tenant + ".api-url=" + SharedInfra.simulator().baseUrl());
		});
		all.addAll(properties);
		all.addAll(extra);
		Map<String, String> byName = new LinkedHashMap<>();
		all.forEach(property -> byName.put(property.substring(0, property.indexOf('=')), property));
		return List.copyOf(byName.values());
	}

	public RunningWorker start(String... extraProperties) {
		return RunningWorker.start(this, List.of(), List.of(extraProperties));
	}

	/** Starts a worker with additional configuration classes (test decorations of its beans). */
	public RunningWorker start(List<Class<?>> extraSources, String... extraProperties) {
		return RunningWorker.start(this, extraSources, List.of(extraProperties));
	}

}
