package io.spotbridge.ingress.directory;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.spotbridge.model.GroupEvent;
import io.spotbridge.model.LifecycleEvent;
import io.spotbridge.model.UserEvent;


/**
 * The SCIM directory: the read model of every tenant, built from the compacted event topics and updated by this
 * replica's own writes as soon as Kafka acknowledged them (read-your-writes).
 */
public class Directory {

	private final Map<String, TenantDirectory> tenants = new ConcurrentHashMap<>();

	private volatile MeterRegistry meters;

	/** Without metrics until {@link #bindMetrics}: the directory may be filled before the application context exists. */
	public Directory() {
	}

	public Directory(MeterRegistry meters) {
		bindMetrics(meters);
	}

	/** Registers the size gauges of every tenant, present and future. */
	public void bindMetrics(MeterRegistry registry) {
		meters = registry;
		tenants.forEach(this::metered);
	}

	public TenantDirectory tenant(String tenant) {
		TenantDirectory directory = tenants.get(tenant);
		if (directory == null) {
			directory = tenants.computeIfAbsent(tenant, name -> new TenantDirectory());
		}
		if (!directory.metered && meters != null) {
			metered(tenant, directory);
		}
		return directory;
	}

	private synchronized void metered(String tenant, TenantDirectory directory) {
		if (!directory.metered && meters != null) {
			register(tenant, directory);
			directory.metered = true;
		}
	}

	private void register(String tenant, TenantDirectory directory) {
		Gauge.builder("bridge.ingress.directory.users", directory, TenantDirectory::userCount)
			.description("Users in the SCIM directory")
			.tag("tenant", tenant)
			.register(meters);
		Gauge.builder("bridge.ingress.directory.groups", directory, TenantDirectory::groupCount)
			.description("Groups in the SCIM directory")
			.tag("tenant", tenant)
			.register(meters);
	}

	public Set<String> tenantNames() {
		return Set.copyOf(tenants.keySet());
	}

	/** Applies an event if it is newer than the state held for its key (max version wins). */
	public boolean apply(LifecycleEvent event) {
		TenantDirectory directory = tenant(event.tenant());
		if (event instanceof UserEvent user) {
			return directory.apply(user);
		}
		return directory.apply((GroupEvent) event);
	}

}
