package io.spotbridge.ingress.scim;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class ScimRequestMetricsTest {

	@Test
	void operationsAreNamedByResourceAndVerb() {
		String base = ScimMediaTypes.BASE_PATH;
		assertThat(ScimRequestMetrics.operation(HttpMethod.POST, base + "/Users")).isEqualTo("users.create");
		assertThat(ScimRequestMetrics.operation(HttpMethod.GET, base + "/Users")).isEqualTo("users.list");
		assertThat(ScimRequestMetrics.operation(HttpMethod.GET, base + "/Users/")).isEqualTo("users.list");
		assertThat(ScimRequestMetrics.operation(HttpMethod.GET, base + "/Users/abc")).isEqualTo("users.get");
		assertThat(ScimRequestMetrics.operation(HttpMethod.PATCH, base + "/Groups/abc")).isEqualTo("groups.patch");
		assertThat(ScimRequestMetrics.operation(HttpMethod.PUT, base + "/Users/abc/")).isEqualTo("users.replace");
		assertThat(ScimRequestMetrics.operation(HttpMethod.DELETE, base + "/Groups//x")).isEqualTo("groups.delete");
		assertThat(ScimRequestMetrics.operation(HttpMethod.GET, base + "/Schemas/x")).isEqualTo("discovery");
		assertThat(ScimRequestMetrics.operation(HttpMethod.GET, base + "/ServiceProviderConfig"))
			.isEqualTo("discovery");
		assertThat(ScimRequestMetrics.operation(HttpMethod.GET, base)).isEqualTo("other");
		assertThat(ScimRequestMetrics.operation(HttpMethod.GET, base + "/")).isEqualTo("other");
		assertThat(ScimRequestMetrics.operation(HttpMethod.GET, base + "///")).isEqualTo("other");
		assertThat(ScimRequestMetrics.operation(HttpMethod.GET, base + "/Nope")).isEqualTo("other");
		assertThat(ScimRequestMetrics.operation(HttpMethod.OPTIONS, base + "/Users")).isEqualTo("users.other");
	}

	@Test
	void theOperationIsTheOneTheSplitBasedParserGave() {
		String base = ScimMediaTypes.BASE_PATH;
		for (String rest : new String[] { "", "/", "//", "/Users", "/Users/", "/Users/a", "/Users/a/", "/Users/a/b",
				"Users", "Users/x", "x/Users", "x/Users/y", "//Users", "/Users//", "/Groups", "/Groups/g",
				"/Schemas", "/ResourceTypes/User", "/ServiceProviderConfig/" }) {
			for (HttpMethod method : new HttpMethod[] { HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
					HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.HEAD }) {
				assertThat(ScimRequestMetrics.operation(method, base + rest)).as(method + " " + rest)
					.isEqualTo(splitBased(method, rest));
			}
		}
	}

	/** The original implementation, for comparison. */
	private static String splitBased(HttpMethod method, String rest) {
		String[] parts = rest.split("/");
		String resource = parts.length > 1 ? parts[1] : "";
		boolean single = parts.length > 2;
		String kind;
		if (resource.equals("Users") || resource.equals("Groups")) {
			kind = resource.toLowerCase(java.util.Locale.ROOT);
		}
		else if (resource.equals("ServiceProviderConfig") || resource.equals("ResourceTypes")
				|| resource.equals("Schemas")) {
			return "discovery";
		}
		else {
			return "other";
		}
		String verb;
		if (HttpMethod.GET.equals(method)) {
			verb = single ? "get" : "list";
		}
		else if (HttpMethod.POST.equals(method)) {
			verb = "create";
		}
		else if (HttpMethod.PUT.equals(method)) {
			verb = "replace";
		}
		else if (HttpMethod.PATCH.equals(method)) {
			verb = "patch";
		}
		else if (HttpMethod.DELETE.equals(method)) {
			verb = "delete";
		}
		else {
			verb = "other";
		}
		return kind + "." + verb;
	}

}
