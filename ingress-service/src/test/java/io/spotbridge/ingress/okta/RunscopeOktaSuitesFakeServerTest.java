package io.spotbridge.ingress.okta;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs Okta's published SPEC suites (read in place from {@code ../shared/okta-tests}, skipped when absent) against
 * a minimal in-test SCIM server written to what the suites check. It proves the runner executes the real files
 * end to end, and that a server behaving like this one passes them.
 */
class RunscopeOktaSuitesFakeServerTest {

	private static final String TOKEN = "fake-scim-token";

	private FakeScim scim;

	@BeforeEach
	void start() throws IOException {
		this.scim = new FakeScim();
	}

	@AfterEach
	void stop() {
		this.scim.close();
	}

	private static Path suite(String name) {
		var file = OktaSuites.suite(name);
		assumeTrue(file.isPresent(), OktaSuites.ABSENT);
		return file.get();
	}

	private SuiteReport run(String suite) throws IOException {
		return new RunscopeSuiteRunner().pauseCap(Duration.ofMillis(5))
			.run(suite(suite), Map.of("SCIMBaseURL", this.scim.baseUrl(), "auth", "Bearer " + TOKEN));
	}

	@ParameterizedTest
	@ValueSource(strings = { OktaSuites.SPEC_2024, OktaSuites.SPEC_2023 })
	void oktasSuitePassesAgainstAConformingServer(String suite) throws IOException {
		SuiteReport report = run(suite);

		assertThat(report.failures()).as(report::toString).isEmpty();
		assertThat(report.toString()).doesNotContain(TOKEN);
		long requests = report.steps().stream().filter(s -> "request".equals(s.type())).count();
		assertThat(requests).isEqualTo(OktaSuites.SPEC_2023.equals(suite) ? 18 : 12);
		assertThat(report.assertionCount()).isGreaterThan(50);
	}

	@Test
	void oktasSuiteCatchesANonConformingServer() throws IOException {
		this.scim.unknownIdStatus = 400;
		this.scim.omitEmptyMembers = true;

		SuiteReport report = run(OktaSuites.SPEC_2023);

		assertThat(report.failures()).extracting(f -> f.step() + " " + f.what()).containsExactly(
				"7 response_status equal_number '404'", "27 script", "31 script");
		assertThat(report.step(31).scriptFailures()).singleElement().asString()
			.contains(".empty was passed non-string primitive undefined");
	}

	@Test
	void everyComparisonAndSourceInOktasSuitesIsSupported() throws IOException {
		Set<String> comparisons = new HashSet<>();
		Set<String> sources = new HashSet<>();
		JsonNode tree = JsonMapper.builder().build().readTree(Files.readString(suite(OktaSuites.SPEC_2024)));
		JsonNode tree2023 = JsonMapper.builder().build().readTree(Files.readString(suite(OktaSuites.SPEC_2023)));
		for (JsonNode t : List.of(tree, tree2023)) {
			for (JsonNode step : t.get("steps")) {
				JsonNode assertions = step.get("assertions");
				if (assertions == null) {
					continue;
				}
				if (assertions.isString()) {
					assertions = RunscopeSuiteRunner.parseListText(assertions.stringValue());
				}
				for (JsonNode a : assertions) {
					comparisons.add(a.get("comparison").stringValue());
					sources.add(a.get("source").stringValue());
				}
				for (JsonNode v : step.path("variables")) {
					sources.add(v.get("source").stringValue());
				}
			}
		}

		assertThat(AssertionEvaluator.COMPARISONS).containsAll(comparisons);
		assertThat(AssertionEvaluator.SOURCES).containsAll(sources);
	}

	/**
	 * Just enough SCIM 2.0 for Okta's SPEC suites: Users (list with {@code userName eq} filter, get, create with
	 * case-insensitive uniqueness, replace, PATCH replace) and Groups (list, get, create, PATCH members, replace,
	 * delete), bearer-token auth and SCIM error bodies.
	 */
	static final class FakeScim implements AutoCloseable {

		private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

		private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

		private static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

		private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

		private static final Pattern FILTER = Pattern.compile("(?i)^\\s*(\\w+)\\s+eq\\s+\"(.*)\"\\s*$");

		private static final Pattern MEMBER_PATH = Pattern.compile("(?i)^members\\[value eq \"(.*)\"]$");

		private static final JsonMapper JSON = JsonMapper.builder().build();

		private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

		private final HttpServer server;

		private final Map<String, ObjectNode> users = new LinkedHashMap<>();

		private final Map<String, ObjectNode> groups = new LinkedHashMap<>();

		int unknownIdStatus = 404;

		boolean omitEmptyMembers;

		FakeScim() throws IOException {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			this.server.createContext("/scim/v2", this::handle);
			this.server.start();
			ObjectNode seed = NODES.objectNode();
			seed.put("userName", "seed.user@example.com");
			seed.putObject("name").put("givenName", "Seed").put("familyName", "User");
			seed.putArray("emails").addObject().put("value", "seed.user@example.com").put("primary", true);
			seed.put("active", true);
			storeUser(UUID.randomUUID().toString(), seed);
		}

		String baseUrl() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/scim/v2";
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

		private synchronized void handle(HttpExchange ex) throws IOException {
			String body;
			try (InputStream in = ex.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
				error(ex, 401, "Authentication required", null);
				return;
			}
			String[] parts = ex.getRequestURI().getPath().substring("/scim/v2".length()).split("/");
			String type = parts.length > 1 ? parts[1] : "";
			String id = parts.length > 2 ? parts[2] : null;
			Map<String, ObjectNode> store = "Users".equals(type) ? this.users
					: "Groups".equals(type) ? this.groups : null;
			if (store == null) {
				error(ex, 404, "No such endpoint", null);
				return;
			}
			String method = ex.getRequestMethod();
			if (id == null) {
				if ("GET".equals(method)) {
					list(ex, store);
				}
				else if ("POST".equals(method)) {
					create(ex, type, store, JSON.readTree(body));
				}
				else {
					error(ex, 405, "Method not allowed", null);
				}
				return;
			}
			ObjectNode resource = store.get(id);
			if (resource == null) {
				error(ex, this.unknownIdStatus, "Resource " + id + " not found", null);
				return;
			}
			switch (method) {
				case "GET" -> send(ex, 200, resource);
				case "PUT" -> {
					ObjectNode replaced = (ObjectNode) JSON.readTree(body);
					send(ex, 200, "Users".equals(type) ? storeUser(id, replaced) : storeGroup(id, replaced));
				}
				case "PATCH" -> send(ex, 200, patch(type, id, resource, JSON.readTree(body)));
				case "DELETE" -> {
					store.remove(id);
					ex.sendResponseHeaders(204, -1);
					ex.close();
				}
				default -> error(ex, 405, "Method not allowed", null);
			}
		}

		private void list(HttpExchange ex, Map<String, ObjectNode> store) throws IOException {
			String filter = null;
			int startIndex = 1;
			int count = 100;
			String query = ex.getRequestURI().getQuery();
			if (query != null) {
				for (String pair : query.split("&")) {
					int eq = pair.indexOf('=');
					String key = eq < 0 ? pair : pair.substring(0, eq);
					String value = eq < 0 ? "" : pair.substring(eq + 1);
					switch (key) {
						case "filter" -> filter = value;
						case "startIndex" -> startIndex = Math.max(1, Integer.parseInt(value));
						case "count" -> count = Math.max(0, Integer.parseInt(value));
						default -> {
						}
					}
				}
			}
			List<ObjectNode> matches = new ArrayList<>();
			Matcher m = filter == null ? null : FILTER.matcher(filter);
			if (filter != null && !m.matches()) {
				error(ex, 400, "Unsupported filter", "invalidFilter");
				return;
			}
			for (ObjectNode r : store.values()) {
				if (m == null || r.path(m.group(1)).asString("").equalsIgnoreCase(m.group(2))) {
					matches.add(r);
				}
			}
			ObjectNode list = NODES.objectNode();
			list.putArray("schemas").add(LIST_SCHEMA);
			list.put("totalResults", matches.size());
			List<ObjectNode> page = matches.subList(Math.min(matches.size(), startIndex - 1),
					Math.min(matches.size(), startIndex - 1 + count));
			list.put("startIndex", startIndex);
			list.put("itemsPerPage", page.size());
			ArrayNode resources = list.putArray("Resources");
			page.forEach(resources::add);
			send(ex, 200, list);
		}

		private void create(HttpExchange ex, String type, Map<String, ObjectNode> store, JsonNode in)
				throws IOException {
			String id = UUID.randomUUID().toString();
			if ("Users".equals(type)) {
				String userName = in.path("userName").asString("");
				boolean taken = this.users.values().stream()
					.anyMatch(u -> u.path("userName").asString("").equalsIgnoreCase(userName));
				if (taken) {
					error(ex, 409, "userName " + userName + " already exists", "uniqueness");
					return;
				}
				send(ex, 201, storeUser(id, (ObjectNode) in));
			}
			else {
				send(ex, 201, storeGroup(id, (ObjectNode) in));
			}
		}

		private ObjectNode patch(String type, String id, ObjectNode resource, JsonNode patch) {
			ObjectNode copy = resource.deepCopy();
			for (JsonNode op : patch.path("Operations")) {
				String name = op.path("op").asString("").toLowerCase(Locale.ROOT);
				String path = op.path("path").asString(null);
				JsonNode value = op.get("value");
				Matcher member = path == null ? null : MEMBER_PATH.matcher(path);
				if ("remove".equals(name) && member != null && member.matches()) {
					ArrayNode members = copy.withArray("members");
					for (int i = members.size() - 1; i >= 0; i--) {
						if (members.get(i).path("value").asString("").equals(member.group(1))) {
							members.remove(i);
						}
					}
				}
				else if ("add".equals(name) && "members".equals(path)) {
					value.forEach(v -> copy.withArray("members").add(v.deepCopy()));
				}
				else if (path == null && value != null && value.isObject()) {
					value.properties().forEach(e -> copy.set(e.getKey(), e.getValue().deepCopy()));
				}
				else if (path != null && value != null) {
					copy.set(path, value.deepCopy());
				}
			}
			return "Users".equals(type) ? storeUser(id, copy) : storeGroup(id, copy);
		}

		private ObjectNode storeUser(String id, ObjectNode in) {
			ObjectNode user = in.deepCopy();
			user.remove("password");
			user.put("id", id);
			if (!user.has("active")) {
				user.put("active", true);
			}
			user.putArray("schemas").add(USER_SCHEMA);
			user.putObject("meta").put("resourceType", "User");
			this.users.put(id, user);
			return user;
		}

		private ObjectNode storeGroup(String id, ObjectNode in) {
			ObjectNode group = in.deepCopy();
			group.put("id", id);
			group.putArray("schemas").add(GROUP_SCHEMA);
			group.putObject("meta").put("resourceType", "Group");
			if (!group.has("members")) {
				group.putArray("members");
			}
			if (this.omitEmptyMembers && group.path("members").isEmpty()) {
				group.remove("members");
			}
			this.groups.put(id, group);
			return group;
		}

		private static void error(HttpExchange ex, int status, String detail, String scimType) throws IOException {
			ObjectNode error = NODES.objectNode();
			error.putArray("schemas").add(ERROR_SCHEMA);
			error.put("detail", detail);
			error.put("status", String.valueOf(status));
			if (scimType != null) {
				error.put("scimType", scimType);
			}
			send(ex, status, error);
		}

		private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
			byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
			ex.getResponseHeaders().add("Content-Type", "application/scim+json");
			ex.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = ex.getResponseBody()) {
				out.write(bytes);
			}
		}

	}

}
