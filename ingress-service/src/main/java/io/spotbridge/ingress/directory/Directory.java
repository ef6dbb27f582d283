package io.spotbridge.ingress.directory;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.spotbridge.model.GroupEvent;
import io.spotbridge.model.LifecycleEvent;
import io.spotbridge.model.UserEvent;

import org.springframework.stereotype.Component;

/**
 * The SCIM directory: the read model of every tenant, built from the compacted event topics and updated by this
 * replica's own writes as soon as Kafka acknowledged them (read-your-writes).
 */
@Component
public class Directory {

	private final Map<String, TenantDirectory> tenants = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	public Directory(MeterRegistry meters) {
		this.meters = meters;
	}

	public TenantDirectory tenant(String tenant) {
		return tenants.computeIfAbsent(tenant, this::newTenant);
	}

	private TenantDirectory newTenant(String tenant) {
		TenantDirectory directory = new TenantDirectory();
		Gauge.builder("bridge.ingress.directory.users", directory, TenantDirectory::userCount)
			.description("Users in the SCIM directory")
			.tag("tenant", tenant)
			.register(meters);
		Gauge.builder("bridge.ingress.directory.groups", directory, TenantDirectory::groupCount)
			.description("Groups in the SCIM directory")
			.tag("tenant", tenant)
			.register(meters);
		return directory;
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
