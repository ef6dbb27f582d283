package io.spotbridge.ingress.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.spotbridge.ingress.system.IngressProperties;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantRegistryTest {

	static TenantRegistry registry(String spotToken, Map<String, IngressProperties.Tenant> tenants) {
		return new TenantRegistry(new IngressProperties(spotToken, tenants, new IngressProperties.RateLimit(0),
				Duration.ofSeconds(5), Duration.ofSeconds(5), DataSize.ofKilobytes(256), null));
	}

	static IngressProperties.Tenant accepting(String... tokens) {
		return new IngressProperties.Tenant(List.of(tokens).stream().map(TenantRegistry::sha256Hex).toList(), null);
	}

	@Test
	void aTenantAcceptsEveryTokenItHasAHashFor() {
		TenantRegistry registry = registry("", Map.of("acme", accepting("old-token", "new-token")));

		assertThat(registry.authenticate("old-token")).contains(new Tenant("acme"));
		assertThat(registry.authenticate("new-token")).contains(new Tenant("acme"));
	}

	@Test
	void eachTokenAuthenticatesItsOwnTenant() {
		TenantRegistry registry = registry("",
				Map.of("acme", accepting("acme-token"), "globex", accepting("globex-token")));

		assertThat(registry.authenticate("acme-token")).contains(new Tenant("acme"));
		assertThat(registry.authenticate("globex-token")).contains(new Tenant("globex"));
	}

	@Test
	void aWrongTokenAuthenticatesNoOne() {
		TenantRegistry registry = registry("spot-token", Map.of("acme", accepting("acme-token")));

		assertThat(registry.authenticate("acme-token ")).isEmpty();
		assertThat(registry.authenticate("ACME-TOKEN")).isEmpty();
		assertThat(registry.authenticate("other")).isEmpty();
	}

	@Test
	void aBlankOrMissingTokenAuthenticatesNoOne() {
		TenantRegistry registry = registry("spot-token", Map.of());

		assertThat(registry.authenticate(null)).isEmpty();
		assertThat(registry.authenticate("")).isEmpty();
		assertThat(registry.authenticate("   ")).isEmpty();
	}

	@Test
	void theSpotTokenShortcutAuthenticatesTheDefaultTenant() {
		TenantRegistry registry = registry(" spot-token ", Map.of("acme", accepting("acme-token")));

		assertThat(registry.authenticate("spot-token")).contains(new Tenant(Tenant.DEFAULT));
		assertThat(registry.authenticate("acme-token")).contains(new Tenant("acme"));
	}

	@Test
	void withoutTokensThereAreNoTenants() {
		assertThat(registry("", Map.of()).hasTenants()).isFalse();
		assertThat(registry("", Map.of("acme", new IngressProperties.Tenant(null, null))).hasTenants()).isFalse();
		assertThat(registry("spot-token", Map.of()).hasTenants()).isTrue();
	}

	@Test
	void hashesAreAcceptedInUpperCaseAndWithSurroundingWhitespace() {
		String hash = "  " + TenantRegistry.sha256Hex("acme-token").toUpperCase() + " ";
		TenantRegistry registry = registry("", Map.of("acme", new IngressProperties.Tenant(List.of(hash), null)));

		assertThat(registry.authenticate("acme-token")).contains(new Tenant("acme"));
	}

	@Test
	void aMalformedHashIsRejectedWithoutEchoingIt() {
		String notHex = "this-is-my-actual-secret-token-pasted-by-mistake-into-the-hash-field";
		String tooShort = "abcdef0123";

		for (String configured : List.of(notHex, tooShort, TenantRegistry.sha256Hex("x") + "00")) {
			assertThatThrownBy(
					() -> registry("", Map.of("acme", new IngressProperties.Tenant(List.of(configured), null))))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("acme")
				.hasMessageNotContaining(configured)
				.hasNoCause();
		}
	}

	@Test
	void theHexHashIsTheSha256OfTheToken() {
		assertThat(TenantRegistry.sha256Hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

}
