package io.spotbridge.ingress.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantAuthFilterTest {

	@Test
	void theBearerPrefixIsStrippedInAnyCase() {
		assertThat(TenantAuthFilter.token("Bearer abc123")).isEqualTo("abc123");
		assertThat(TenantAuthFilter.token("bearer abc123")).isEqualTo("abc123");
		assertThat(TenantAuthFilter.token("BEARER abc123")).isEqualTo("abc123");
	}

	@Test
	void aBareTokenIsTakenAsIs() {
		assertThat(TenantAuthFilter.token("abc123")).isEqualTo("abc123");
	}

	@Test
	void surroundingWhitespaceIsIgnored() {
		assertThat(TenantAuthFilter.token("  Bearer   abc123  ")).isEqualTo("abc123");
		assertThat(TenantAuthFilter.token(" abc123 ")).isEqualTo("abc123");
	}

	@Test
	void aMissingHeaderHasNoToken() {
		assertThat(TenantAuthFilter.token(null)).isNull();
	}

	@Test
	void aTokenThatMerelyStartsWithBearerIsKept() {
		assertThat(TenantAuthFilter.token("Bearerabc123")).isEqualTo("Bearerabc123");
	}

}
