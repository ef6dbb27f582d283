package io.spotbridge.worker.tenants;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** The configured tenants, resolved and validated at start. */
@Component
public class Tenants {

	/** The tenant of the {@code SPOT_TOKEN} shortcut; the ingress uses the same name. */
	public static final String DEFAULT = "default";

	private static final Logger log = LoggerFactory.getLogger(Tenants.class);

	private final Map<String, TenantSettings> byName;

	public Tenants(TenantsProperties properties) {
		this.byName = Map.copyOf(resolve(properties));
		if (byName.isEmpty()) {
			log.warn("No tenants configured (set SPOT_TOKEN or bridge.tenants.*): every event will be dead-lettered");
		}
		byName.values().forEach(tenant -> log.info("Tenant {}", tenant));
	}

	public Optional<TenantSettings> find(String name) {
		return Optional.ofNullable(byName.get(name));
	}

	public Collection<TenantSettings> all() {
		return byName.values();
	}

	static Map<String, TenantSettings> resolve(TenantsProperties properties) {
		Map<String, TenantSettings> tenants = new LinkedHashMap<>();
		TenantsProperties.Defaults defaults = properties.defaults();
		if (!properties.spotToken().isBlank()) {
			tenants.put(DEFAULT, new TenantSettings(DEFAULT, SpotToken.of(properties.spotToken()),
					url(DEFAULT, properties.spotApiUrl()), roles(defaults, null), defaults.callsPerSecond(),
					groupPolicies(defaults, null)));
		}
		properties.tenants().forEach((name, tenant) -> {
			if (name.contains("/") || name.isBlank()) {
				throw new IllegalArgumentException("tenant name '" + name + "' must be non-empty without '/'");
			}
			tenants.put(name, new TenantSettings(name, token(name, tenant),
					url(name, tenant.apiUrl() != null ? tenant.apiUrl() : defaults.apiUrl()), roles(defaults, tenant),
					tenant.callsPerSecond() != null ? tenant.callsPerSecond() : defaults.callsPerSecond(),
					groupPolicies(defaults, tenant)));
		});
		return tenants;
	}

	private static SpotToken token(String name, TenantsProperties.Tenant tenant) {
		boolean inline = tenant.token() != null && !tenant.token().isBlank();
		if (inline && tenant.tokenFile() != null) {
			throw new IllegalArgumentException("tenant '" + name + "': give either token or token-file, not both");
		}
		if (inline) {
			return SpotToken.of(tenant.token());
		}
		if (tenant.tokenFile() != null) {
			return SpotToken.fromFile(tenant.tokenFile());
		}
		throw new IllegalArgumentException("tenant '" + name + "': a Spot token is required (token or token-file)");
	}

	private static RoleMapping roles(TenantsProperties.Defaults defaults, TenantsProperties.Tenant tenant) {
		String viewerPolicy = tenant != null && tenant.accountViewerPolicyId() != null
				? tenant.accountViewerPolicyId() : defaults.accountViewerPolicyId();
		String adminPolicy = tenant != null && tenant.organizationAdminPolicyId() != null
				? tenant.organizationAdminPolicyId() : defaults.organizationAdminPolicyId();
		Map<String, SpotAccess> roles = new LinkedHashMap<>(RoleMapping.builtIn(viewerPolicy, adminPolicy));
		defaults.roles().forEach((role, config) -> roles.put(RoleMapping.normalize(role), access(config)));
		if (tenant != null) {
			tenant.roles().forEach((role, config) -> roles.put(RoleMapping.normalize(role), access(config)));
		}
		String defaultRole = tenant != null && tenant.defaultRole() != null ? tenant.defaultRole()
				: defaults.defaultRole();
		return new RoleMapping(roles, defaultRole);
	}

	/** The defaults' group policies, with the tenant's own entries added or replacing those of the same group. */
	private static GroupPolicies groupPolicies(TenantsProperties.Defaults defaults, TenantsProperties.Tenant tenant) {
		Map<String, java.util.List<PolicyGrant>> byGroup = new LinkedHashMap<>();
		java.util.List<TenantsProperties.GroupPolicy> entries = new java.util.ArrayList<>(defaults.groupPolicies());
		if (tenant != null) {
			entries.addAll(tenant.groupPolicies());
		}
		for (TenantsProperties.GroupPolicy entry : entries) {
			if (entry.group() == null || entry.group().isBlank()) {
				throw new IllegalArgumentException("group-policies: every entry needs a group name");
			}
			byGroup.put(GroupPolicies.normalize(entry.group()), grants(entry.policies()));
		}
		return new GroupPolicies(byGroup);
	}

	private static java.util.List<PolicyGrant> grants(java.util.List<TenantsProperties.Grant> grants) {
		return grants.stream().map(grant -> new PolicyGrant(grant.policyId(), grant.accountIds())).toList();
	}

	private static SpotAccess access(TenantsProperties.Role role) {
		return new SpotAccess(role.spotRole(), grants(role.policies()));
	}

	private static URI url(String tenant, String value) {
		String trimmed = value.trim();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		URI uri = URI.create(trimmed);
		if (uri.getScheme() == null || uri.getHost() == null) {
			throw new IllegalArgumentException("tenant '" + tenant + "': api-url must be an absolute URL");
		}
		return uri;
	}

}
