package io.spotbridge.worker.tenants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantsTest {

	@Test
	void theSpotTokenShortcutMakesTenantDefaultWithTheGivenApiUrl() {
		Tenants tenants = tenants(Map.of("bridge.spot-token", "secret-token", "bridge.spot-api-url",
				"http://127.0.0.1:9999/"));

		TenantSettings tenant = tenants.find("default").orElseThrow();
		assertThat(tenant.token().reveal()).isEqualTo("secret-token");
		assertThat(tenant.apiUrl()).hasToString("http://127.0.0.1:9999");
		assertThat(tenant.roles().defaultRole()).isEqualTo("viewer");
	}

	@Test
	void groupPoliciesComeFromTheDefaultsAndTheTenantReplacesThoseOfTheSameGroup() {
		Tenants tenants = tenants(Map.of("bridge.tenants.acme.token", "t",
				"bridge.defaults.group-policies[0].group", "Spot Admins",
				"bridge.defaults.group-policies[0].policies[0].policy-id", "0",
				"bridge.defaults.group-policies[1].group", "Auditors",
				"bridge.defaults.group-policies[1].policies[0].policy-id", "3",
				"bridge.tenants.acme.group-policies[0].group", "spot admins ",
				"bridge.tenants.acme.group-policies[0].policies[0].policy-id", "pol-admin",
				"bridge.tenants.acme.group-policies[0].policies[0].account-ids[0]", "act-1"));

		GroupPolicies policies = tenants.find("acme").orElseThrow().groupPolicies();
		assertThat(policies.forGroup("SPOT ADMINS")).hasValue(List.of(new PolicyGrant("pol-admin", List.of("act-1"))));
		assertThat(policies.forGroup("Auditors")).hasValue(List.of(PolicyGrant.onAllAccounts("3")));
		assertThat(policies.forGroup("Engineers")).isEmpty();
	}

	@Test
	void withoutTheShortcutTheApiUrlDefaultsToSpot() {
		Tenants tenants = tenants(Map.of("bridge.tenants.acme.token", "t"));

		assertThat(tenants.find("acme").orElseThrow().apiUrl()).hasToString("https://api.spotinst.io");
		assertThat(tenants.find("default")).isEmpty();
	}

	@Test
	void aTokenCanComeFromAFile(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("token");
		Files.writeString(file, "  file-token\n");

		Tenants tenants = tenants(Map.of("bridge.tenants.acme.token-file", file.toString()));

		assertThat(tenants.find("acme").orElseThrow().token().reveal()).isEqualTo("file-token");
	}

	@Test
	void aTenantWithoutTokenIsRefusedAtStart() {
		assertThatThrownBy(() -> tenants(Map.of("bridge.tenants.acme.api-url", "http://x")))
			.hasMessageContaining("tenant 'acme': a Spot token is required");
	}

	@Test
	void tokensNeverShowInToString() {
		Map<String, String> properties = Map.of("bridge.spot-token", "shortcut-secret", "bridge.tenants.acme.token",
				"acme-secret");
		TenantsProperties bound = bind(properties);
		Tenants tenants = new Tenants(bound);

		assertThat(bound.toString()).doesNotContain("shortcut-secret", "acme-secret");
		assertThat(tenants.all()).allSatisfy(tenant -> assertThat(tenant.toString())
			.doesNotContain("shortcut-secret", "acme-secret")
			.contains("****"));
	}

	@Test
	void theBuiltInRolesMapViewerAndEditorWithConfigurablePolicyIds() {
		Map<String, String> properties = new HashMap<>();
		properties.put("bridge.tenants.acme.token", "t");
		properties.put("bridge.tenants.acme.organization-admin-policy-id", "pol-admin");
		properties.put("bridge.tenants.other.token", "t2");
		Tenants tenants = tenants(properties);

		RoleMapping acme = tenants.find("acme").orElseThrow().roles();
		assertThat(acme.accessFor(Optional.of("Viewer"))).isEqualTo(
				new SpotAccess("viewer", List.of(new PolicyGrant("3", List.of("*")))));
		assertThat(acme.accessFor(Optional.of("EDITOR"))).isEqualTo(
				new SpotAccess("editor", List.of(new PolicyGrant("pol-admin", List.of("*")))));
		assertThat(tenants.find("other").orElseThrow().roles().accessFor(Optional.of("editor")).policies())
			.containsExactly(PolicyGrant.onAllAccounts("0"));
	}

	@Test
	void rolesCanBeAddedOrReplacedByDefaultsAndPerTenant() {
		Map<String, String> properties = new HashMap<>();
		properties.put("bridge.defaults.roles.auditor.spot-role", "viewer");
		properties.put("bridge.defaults.roles.auditor.policies[0].policy-id", "pol-audit");
		properties.put("bridge.defaults.roles.auditor.policies[0].account-ids[0]", "act-1");
		properties.put("bridge.tenants.acme.token", "t");
		properties.put("bridge.tenants.acme.default-role", "Auditor");
		properties.put("bridge.tenants.acme.roles.Viewer.spot-role", "viewer");
		properties.put("bridge.tenants.acme.roles.Viewer.policies[0].policy-id", "pol-view");

		RoleMapping roles = tenants(properties).find("acme").orElseThrow().roles();

		assertThat(roles.accessFor(Optional.of("auditor")).policies())
			.containsExactly(new PolicyGrant("pol-audit", List.of("act-1")));
		assertThat(roles.accessFor(Optional.of("viewer")).policies()).containsExactly(PolicyGrant.onAllAccounts("pol-view"));
		assertThat(roles.accessFor(Optional.empty()).policies()).containsExactly(new PolicyGrant("pol-audit", List.of("act-1")));
		assertThat(roles.roleNameFor(Optional.of("Stranger"))).isEqualTo("auditor");
	}

	@Test
	void aDefaultRoleThatIsNotMappedIsRefused() {
		assertThatThrownBy(() -> tenants(Map.of("bridge.tenants.acme.token", "t", "bridge.tenants.acme.default-role",
				"nobody")))
			.hasMessageContaining("default role 'nobody'");
	}

	@Test
	void callsPerSecondDefaultAndOverride() {
		Tenants tenants = tenants(Map.of("bridge.defaults.calls-per-second", "7", "bridge.tenants.a.token", "t",
				"bridge.tenants.b.token", "t", "bridge.tenants.b.calls-per-second", "2.5"));

		assertThat(tenants.find("a").orElseThrow().callsPerSecond()).isEqualTo(7);
		assertThat(tenants.find("b").orElseThrow().callsPerSecond()).isEqualTo(2.5);
	}

	private static Tenants tenants(Map<String, String> properties) {
		return new Tenants(bind(properties));
	}

	private static TenantsProperties bind(Map<String, String> properties) {
		Binder binder = new Binder(new MapConfigurationPropertySource(properties));
		return binder.bindOrCreate("bridge", Bindable.of(TenantsProperties.class));
	}

}
