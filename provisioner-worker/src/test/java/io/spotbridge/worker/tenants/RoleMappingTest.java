package io.spotbridge.worker.tenants;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleMappingTest {

	private final RoleMapping roles = new RoleMapping(RoleMapping.builtIn("3", "0"), "Viewer");

	@Test
	void roleNamesCompareIgnoringCaseAndSurroundingSpace() {
		assertThat(roles.roleNameFor(Optional.of(" Editor "))).isEqualTo("editor");
		assertThat(roles.roleNameFor(Optional.of("VIEWER"))).isEqualTo("viewer");
	}

	@Test
	void missingOrUnknownRolesGetTheDefaultRole() {
		assertThat(roles.accessFor(Optional.empty())).isEqualTo(roles.accessFor(Optional.of("viewer")));
		assertThat(roles.accessFor(Optional.of("Owner"))).isEqualTo(roles.accessFor(Optional.of("viewer")));
	}

	@Test
	void viewerIsTheAccountViewerPolicyOnEveryAccountAndEditorTheOrganizationAdmin() {
		assertThat(roles.accessFor(Optional.of("viewer")))
			.isEqualTo(new SpotAccess("viewer", java.util.List.of(PolicyGrant.onAllAccounts("3"))));
		assertThat(roles.accessFor(Optional.of("editor")))
			.isEqualTo(new SpotAccess("editor", java.util.List.of(PolicyGrant.onAllAccounts("0"))));
	}

	@Test
	void grantsWithoutAccountsMeanAllAccounts() {
		assertThat(new PolicyGrant("3", null).accountIds()).containsExactly("*");
		assertThat(Map.copyOf(roles.roles())).containsOnlyKeys("viewer", "editor");
	}

}
