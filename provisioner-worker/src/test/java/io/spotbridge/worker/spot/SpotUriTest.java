package io.spotbridge.worker.spot;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.web.util.DefaultUriBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The URIs of Spot calls are exactly those WebClient built from the same base URL, template and variables. */
class SpotUriTest {

	@Test
	void variablesAreEncodedStrictlyAsWebClientDid() {
		List<String> bases = List.of("http://127.0.0.1:8080", "http://127.0.0.1:8080/", "https://api.spotinst.io",
				"http://localhost:1/prefix", "http://localhost:1/prefix/");
		List<String> templates = List.of("/setup/user/{userId}", "/setup/user/{userId}/policyMapping",
				"/setup/user?generateToken=false", "/setup/access/userGroup/{userGroupId}/userMapping",
				"/setup/organization/user");
		List<String> ids = List.of("u-abc123", "ugr-9f3A_b.c~d", "a b", "a/b", "a?b#c", "ü&=;:@+$,%", "{x}", "..", "",
				"\u00e9t\u00e9", "x\ny");
		for (String base : bases) {
			DefaultUriBuilderFactory webClients = new DefaultUriBuilderFactory(base);
			for (String template : templates) {
				SpotUri uri = SpotUri.of(base, template);
				if (!template.contains("{")) {
					assertThat(uri.expand()).isEqualTo(webClients.expand(template).toString());
					continue;
				}
				for (String id : ids) {
					assertThat(uri.expand(id)).as("%s + %s with %s", base, template, id)
						.isEqualTo(webClients.expand(template, id).toString());
				}
			}
		}
	}

	@Test
	void unreservedIdsAreKeptAsTheyAreAndOthersEncodedAsUriUtilsDoes() {
		for (String id : List.of("u-abc123", "AZaz09-._~", "a b", "a/b", "é", "%", "+", "")) {
			assertThat(SpotUri.encode(id)).isEqualTo(
					org.springframework.web.util.UriUtils.encode(id, java.nio.charset.StandardCharsets.UTF_8));
		}
	}

}
