package io.spotbridge.ingress.okta;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The runner against a tiny local HTTP server, with small suites written for these tests in Runscope's export
 * format.
 */
class RunscopeSuiteRunnerTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String TOKEN = "s3cr3t-unit-token";

	private static final String USER = """
			{"id":"u-1","userName":"Ann.Smith@Example.com","active":true,"count":3,"ratio":1.50,"numStr":"42",
			 "empty":"","nothing":null,"list":[],"obj":{},"tags":["alpha","beta"],"flag":false,"zero":0,
			 "meta":{"resourceType":"User"},"emails":[{"value":"ann@example.com","primary":true}],
			 "Resources":[{"name":{"familyName":"Smith","givenName":"Ann"}}]}
			""";

	private static final String XML = "<user><name>Ann</name><age>33</age></user>";

	private static HttpServer server;

	private static String base;

	private static final List<Received> received = new CopyOnWriteArrayList<>();

	private static final AtomicInteger created = new AtomicInteger();

	record Received(String method, String path, String rawQuery, String query, String authorization,
			String contentType, String customHeader, String body) {
	}

	@BeforeAll
	static void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/api", RunscopeSuiteRunnerTest::handle);
		server.start();
		base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
	}

	@BeforeEach
	void clear() {
		received.clear();
	}

	private static void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String path = exchange.getRequestURI().getPath();
		String auth = exchange.getRequestHeaders().getFirst("Authorization");
		received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
				exchange.getRequestURI().getQuery(), auth, exchange.getRequestHeaders().getFirst("Content-Type"),
				exchange.getRequestHeaders().getFirst("X-Custom"), body));
		exchange.getResponseHeaders().add("X-Trace", "abc");
		switch (path) {
			case "/api/user" -> respond(exchange, 200, "application/scim+json; charset=utf-8", USER);
			case "/api/xml" -> respond(exchange, 200, "application/xml", XML);
			case "/api/slow" -> {
				sleep(150);
				respond(exchange, 200, "application/json", "{}");
			}
			case "/api/users" -> {
				JsonNode in = JSON.readTree(body.isBlank() ? "{}" : body);
				ObjectNode user = NODES.objectNode();
				user.put("id", "id-" + created.incrementAndGet());
				user.set("userName", in.path("userName").deepCopy());
				user.set("emails", in.path("emails").deepCopy());
				respond(exchange, 201, "application/scim+json", user.toString());
			}
			case "/api/nobody" -> {
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			}
			default -> {
				if (path.startsWith("/api/echo")) {
					echo(exchange, path, auth, body);
				}
				else if (path.startsWith("/api/status/")) {
					int status = Integer.parseInt(path.substring("/api/status/".length()));
					respond(exchange, status, "application/scim+json",
							"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"detail\":\"as asked\","
									+ "\"status\":\"" + status + "\"}");
				}
				else {
					respond(exchange, 404, "text/plain", "no such test endpoint");
				}
			}
		}
	}

	private static void echo(HttpExchange exchange, String path, String auth, String body) throws IOException {
		ObjectNode echo = NODES.objectNode();
		echo.put("method", exchange.getRequestMethod());
		echo.put("path", path);
		echo.put("query", exchange.getRequestURI().getQuery());
		echo.put("rawQuery", exchange.getRequestURI().getRawQuery());
		echo.put("authorization", auth);
		echo.put("custom", exchange.getRequestHeaders().getFirst("X-Custom"));
		echo.put("body", body);
		respond(exchange, 200, "application/json", echo.toString());
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// ---- suite building -------------------------------------------------------------------------------------

	private static RunscopeSuiteRunner runner() {
		return new RunscopeSuiteRunner().pauseCap(Duration.ofMillis(20)).random(new Random(7));
	}

	private static Map<String, String> vars() {
		return Map.of("SCIMBaseURL", base, "auth", "Bearer " + TOKEN);
	}

	private static ObjectNode request(String method, String url) {
		ObjectNode step = NODES.objectNode();
		step.put("step_type", "request");
		step.put("skipped", false);
		step.put("note", method + " " + url);
		step.put("method", method);
		step.put("url", url);
		ObjectNode headers = step.putObject("headers");
		headers.putArray("Accept").add("application/scim+json");
		headers.putArray("Authorization").add("{{auth}}");
		step.putArray("assertions");
		step.putArray("variables");
		step.putArray("scripts");
		step.putArray("before_scripts");
		return step;
	}

	private static ObjectNode assertion(String source, String property, String comparison, String value) {
		ObjectNode a = NODES.objectNode();
		a.put("source", source);
		if (property != null) {
			a.put("property", property);
		}
		a.put("comparison", comparison);
		if (value == null) {
			a.putNull("value");
		}
		else {
			a.put("value", value);
		}
		return a;
	}

	private static ObjectNode with(ObjectNode step, ObjectNode... assertions) {
		for (ObjectNode a : assertions) {
			step.withArray("assertions").add(a);
		}
		return step;
	}

	private static ObjectNode extract(ObjectNode step, String name, String source, String property) {
		ObjectNode v = step.withArray("variables").addObject();
		v.put("source", source);
		v.put("name", name);
		if (property != null) {
			v.put("property", property);
		}
		return step;
	}

	private static ObjectNode script(ObjectNode step, String script) {
		step.withArray("scripts").add(script);
		return step;
	}

	private static ObjectNode pause(int seconds) {
		ObjectNode step = NODES.objectNode();
		step.put("step_type", "pause");
		step.put("skipped", false);
		step.put("duration", seconds);
		return step;
	}

	private static String suite(JsonNode... steps) {
		ObjectNode suite = NODES.objectNode();
		suite.put("version", "1.0");
		suite.put("name", "unit suite");
		for (JsonNode step : steps) {
			suite.withArray("steps").add(step);
		}
		return suite.toString();
	}

	private static SuiteReport run(JsonNode... steps) {
		return runner().run(suite(steps), "unit", vars());
	}

	// ---- comparisons ------------------------------------------------------------------------------------------

	static Stream<Arguments> passingAssertions() {
		return Stream.of(
				arguments("/user", "response_status", null, "equal_number", "200"),
				arguments("/user", "response_status", null, "equal", "200"),
				arguments("/user", "response_status", null, "not_equal", "404"),
				arguments("/user", "response_status", null, "is_less_than", "300"),
				arguments("/user", "response_status", null, "is_less_than_or_equal", "200"),
				arguments("/user", "response_status", null, "is_greater_than", "199"),
				arguments("/user", "response_status", null, "is_greater_than_or_equal", "200"),
				arguments("/user", "response_status", null, "is_a_number", null),
				arguments("/user", "response_json", "id", "equal", "u-1"),
				arguments("/user", "response_json", "active", "equal", "true"),
				arguments("/user", "response_json", "count", "equal", "3"),
				arguments("/user", "response_json", "userName", "not_equal", "ann.smith@example.com"),
				arguments("/user", "response_json", "missingProperty", "not_equal", "x"),
				arguments("/user", "response_json", "id", "not_empty", null),
				arguments("/user", "response_json", "active", "not_empty", null),
				arguments("/user", "response_json", "flag", "not_empty", null),
				arguments("/user", "response_json", "zero", "not_empty", null),
				arguments("/user", "response_json", "tags", "not_empty", null),
				arguments("/user", "response_json", "empty", "empty", null),
				arguments("/user", "response_json", "nothing", "empty", null),
				arguments("/user", "response_json", "list", "empty", null),
				arguments("/user", "response_json", "obj", "empty", null),
				arguments("/user", "response_json", "userName", "contains", "Smith@"),
				arguments("/user", "response_json", "tags", "contains", "alpha"),
				arguments("/user", "response_json", "meta", "contains", "resourceType"),
				arguments("/user", "response_json", "userName", "does_not_contain", "smith@"),
				arguments("/user", "response_json", "tags", "does_not_contain", "alp"),
				arguments("/user", "response_json", "missingProperty", "does_not_contain", "x"),
				arguments("/user", "response_json", "meta", "has_key", "resourceType"),
				arguments("/user", "response_json", "tags", "has_value", "beta"),
				arguments("/user", "response_json", "meta", "has_value", "User"),
				arguments("/user", "response_json", "nothing", "is_null", null),
				arguments("/user", "response_json", "missingProperty", "is_null", null),
				arguments("/user", "response_json", "count", "is_a_number", null),
				arguments("/user", "response_json", "numStr", "is_a_number", null),
				arguments("/user", "response_json", "ratio", "equal_number", "1.5"),
				arguments("/user", "response_json", "numStr", "equal_number", "42.0"),
				arguments("/user", "response_json", "ratio", "is_less_than", "2"),
				arguments("/user", "response_json", "count", "is_greater_than", "2"),
				arguments("/user", "response_json", "Resources[0].name.familyName", "equal", "Smith"),
				arguments("/user", "response_json", "emails[0].value", "equal", "ann@example.com"),
				arguments("/user", "response_json", "tags.length", "equal_number", "2"),
				arguments("/user", "response_json", "meta[\"resourceType\"]", "equal", "User"),
				arguments("/user", "response_headers", "x-trace", "equal", "abc"),
				arguments("/user", "response_headers", "Content-Type", "contains", "scim+json"),
				arguments("/user", "response_headers", "X-Trace", "not_empty", null),
				arguments("/user", "response_headers", "X-Absent", "is_null", null),
				arguments("/user", "response_text", null, "contains", "\"u-1\""),
				arguments("/user", "response_size", null, "is_greater_than", "100"),
				arguments("/user", "response_time", null, "is_less_than", "10000"),
				arguments("/slow", "response_time", null, "is_greater_than_or_equal", "100"),
				arguments("/xml", "response_xml", "/user/name", "equal", "Ann"),
				arguments("/xml", "response_xml", "count(/user/*)", "equal_number", "2"),
				arguments("/nobody", "response_text", null, "empty", null));
	}

	static Stream<Arguments> failingAssertions() {
		return Stream.of(
				arguments("/user", "response_status", null, "equal_number", "201"),
				arguments("/user", "response_status", null, "not_equal", "200"),
				arguments("/user", "response_status", null, "is_less_than", "200"),
				arguments("/user", "response_status", null, "is_greater_than", "200"),
				arguments("/user", "response_status", null, "is_less_than_or_equal", "199"),
				arguments("/user", "response_status", null, "is_greater_than_or_equal", "201"),
				arguments("/user", "response_json", "id", "equal", "u-2"),
				arguments("/user", "response_json", "active", "equal", "True"),
				arguments("/user", "response_json", "missingProperty", "equal", ""),
				arguments("/user", "response_json", "userName", "equal", "ann.smith@example.com"),
				arguments("/user", "response_json", "empty", "not_empty", null),
				arguments("/user", "response_json", "nothing", "not_empty", null),
				arguments("/user", "response_json", "list", "not_empty", null),
				arguments("/user", "response_json", "missingProperty", "not_empty", null),
				arguments("/user", "response_json", "Resources[3].id", "not_empty", null),
				arguments("/user", "response_json", "id", "empty", null),
				arguments("/user", "response_json", "missingProperty", "empty", null),
				arguments("/user", "response_json", "userName", "contains", "zzz"),
				arguments("/user", "response_json", "tags", "contains", "alp"),
				arguments("/user", "response_json", "tags", "does_not_contain", "alpha"),
				arguments("/user", "response_json", "meta", "has_key", "nope"),
				arguments("/user", "response_json", "tags", "has_key", "alpha"),
				arguments("/user", "response_json", "tags", "has_value", "gamma"),
				arguments("/user", "response_json", "userName", "has_value", "Ann.Smith@Example.com"),
				arguments("/user", "response_json", "id", "is_null", null),
				arguments("/user", "response_json", "userName", "is_a_number", null),
				arguments("/user", "response_json", "active", "is_a_number", null),
				arguments("/user", "response_json", "missingProperty", "is_a_number", null),
				arguments("/user", "response_json", "userName", "equal_number", "1"),
				arguments("/user", "response_json", "count", "equal_number", "not-a-number"),
				arguments("/user", "response_json", "count", "is_less_than", "3"),
				arguments("/user", "response_json", "count", "is_greater_than", "3"),
				arguments("/user", "response_json", "Resources[0].name.familyName", "equal", "smith"),
				arguments("/user", "response_json", "bad[[path", "not_empty", null),
				arguments("/user", "response_headers", "X-Trace", "equal", "abd"),
				arguments("/user", "response_headers", "X-Absent", "not_empty", null),
				arguments("/user", "response_text", null, "does_not_contain", "u-1"),
				arguments("/user", "response_size", null, "is_less_than", "10"),
				arguments("/user", "response_time", null, "is_greater_than", "1000000"),
				arguments("/xml", "response_json", "name", "not_empty", null),
				arguments("/user", "response_xml", "/user/name", "equal", "Ann"),
				arguments("/xml", "response_xml", "/user/missing", "not_empty", null),
				arguments("/nobody", "response_json", "id", "is_null", null),
				arguments("/user", "response_json", "id", "is_purple", null),
				arguments("/user", "response_magic", null, "not_empty", null));
	}

	@ParameterizedTest(name = "{0} {1} {2} {3} {4}")
	@MethodSource("passingAssertions")
	void comparisonPasses(String path, String source, String property, String comparison, String value) {
		SuiteReport report = run(with(request("GET", "{{SCIMBaseURL}}" + path),
				assertion(source, property, comparison, value)));

		assertThat(report.passed()).as(report::toString).isTrue();
		assertThat(report.step(1).assertions()).singleElement()
			.satisfies(a -> assertThat(a.passed()).isTrue());
	}

	@ParameterizedTest(name = "{0} {1} {2} {3} {4}")
	@MethodSource("failingAssertions")
	void comparisonFails(String path, String source, String property, String comparison, String value) {
		SuiteReport report = run(with(request("GET", "{{SCIMBaseURL}}" + path),
				assertion(source, property, comparison, value)));

		assertThat(report.passed()).as(report::toString).isFalse();
		assertThat(report.failures()).singleElement().satisfies(f -> {
			assertThat(f.step()).isEqualTo(1);
			assertThat(f.what()).startsWith(source).contains(comparison);
		});
		assertThat(report.toString()).contains("FAILED").contains("FAIL " + source);
	}

	@Test
	void everyRunscopeComparisonAndSourceIsExercisedBothWays() {
		Set<String> passComparisons = new HashSet<>();
		Set<String> failComparisons = new HashSet<>();
		Set<String> passSources = new HashSet<>();
		Set<String> failSources = new HashSet<>();
		passingAssertions().forEach(a -> {
			passSources.add((String) a.get()[1]);
			passComparisons.add((String) a.get()[3]);
		});
		failingAssertions().forEach(a -> {
			failSources.add((String) a.get()[1]);
			failComparisons.add((String) a.get()[3]);
		});

		assertThat(passComparisons).containsExactlyInAnyOrderElementsOf(AssertionEvaluator.COMPARISONS);
		assertThat(failComparisons).containsAll(AssertionEvaluator.COMPARISONS);
		assertThat(passSources).containsExactlyInAnyOrderElementsOf(AssertionEvaluator.SOURCES);
		assertThat(failSources).containsAll(AssertionEvaluator.SOURCES);
	}

	@Test
	void reportShowsActualAndExpectedValues() {
		SuiteReport report = run(with(request("GET", "{{SCIMBaseURL}}/status/404"),
				assertion("response_status", null, "equal_number", "200"),
				assertion("response_json", "status", "equal", "404"),
				assertion("response_json", "detail", "equal", "something else")));

		SuiteReport.StepReport step = report.step(1);
		assertThat(step.status()).isEqualTo(404);
		assertThat(step.assertions()).extracting(SuiteReport.AssertionResult::passed).containsExactly(false, true,
				false);
		assertThat(step.assertions().get(0).actual()).isEqualTo("404");
		assertThat(step.assertions().get(0).expected()).isEqualTo("200");
		assertThat(step.assertions().get(1).actual()).isEqualTo("\"404\"");
		assertThat(step.assertions().get(2).actual()).isEqualTo("\"as asked\"");
		assertThat(report.failures()).hasSize(2);
		assertThat(report.toString()).contains("response_json 'detail' equal 'something else' | actual: \"as asked\"")
			.contains("response body: {\"schemas\"");
	}

	// ---- variables ---------------------------------------------------------------------------------------------

	@Test
	void extractedVariablesAreSubstitutedInLaterUrlsHeadersBodiesAndAssertions() {
		ObjectNode create = request("POST", "{{SCIMBaseURL}}/users");
		create.withObject("headers").putArray("Content-Type").add("application/scim+json");
		create.put("body", "{\"userName\":\"{{randomUsername}}\",\"emails\":[{\"value\":\"{{randomEmail}}\"}]}");
		extract(create, "newId", "response_json", "id");
		extract(create, "newEmail", "response_json", "emails[0].value");
		extract(create, "trace", "response_headers", "X-Trace");
		extract(create, "createdStatus", "response_status", null);
		with(create, assertion("response_status", null, "equal_number", "201"),
				assertion("response_json", "userName", "equal", "{{randomUsername}}"),
				assertion("response_json", "id", "equal", "{{newId}}"));
		ObjectNode echo = request("PUT", "{{SCIMBaseURL}}/echo/{{newId}}?status={{createdStatus}}");
		echo.withObject("headers").putArray("X-Custom").add("{{trace}}-{{newId}}");
		echo.put("body", "{\"email\":\"{{newEmail}}\"}");
		with(echo, assertion("response_json", "path", "equal", "/api/echo/{{newId}}"),
				assertion("response_json", "custom", "equal", "abc-{{newId}}"),
				assertion("response_json", "query", "equal", "status=201"),
				assertion("response_json", "method", "equal", "PUT"));

		SuiteReport report = run(create, echo);

		String id = "id-" + created.get();
		assertThat(received).hasSize(2);
		assertThat(received.get(0).body()).contains("\"userName\":\"Runscope").contains("@atko.com");
		assertThat(received.get(0).contentType()).isEqualTo("application/scim+json");
		assertThat(received.get(1).path()).isEqualTo("/api/echo/" + id);
		assertThat(received.get(1).customHeader()).isEqualTo("abc-" + id);
		assertThat(received.get(1).body()).isEqualTo("{\"email\":\"" + received.get(0).body()
			.replaceAll(".*\"emails\":\\[\\{\"value\":\"([^\"]+)\".*", "$1") + "\"}");
		assertThat(report.passed()).as(report::toString).isTrue();
	}

	@Test
	void queryWithSpacesAndQuotesArrivesIntact() {
		SuiteReport report = run(with(request("GET",
				"{{SCIMBaseURL}}/echo?filter=userName eq \"{{randomUsername}}\"&startIndex=1&count=100"),
				assertion("response_status", null, "equal_number", "200")));

		assertThat(report.passed()).as(report::toString).isTrue();
		Received r = received.get(0);
		assertThat(r.query()).matches("filter=userName eq \"Runscope\\d{3}[A-Z][a-z]{8}\\d{3}@atko\\.com\""
				+ "&startIndex=1&count=100");
		assertThat(r.rawQuery()).startsWith("filter=userName%20eq%20%22Runscope").endsWith("%22&startIndex=1&count=100");
		assertThat(report.step(1).url()).contains("%20eq%20%22");
	}

	@Test
	void requestUriEncodesOnlyWhatMustBeEncoded() throws URISyntaxException {
		assertThat(RequestUri.toUri("http://h:1/a b/c?x=a b&y=\"q\"&z=%20&w=1+2#f g").toString())
			.isEqualTo("http://h:1/a%20b/c?x=a%20b&y=%22q%22&z=%20&w=1+2#f%20g");
		assertThat(RequestUri.toUri("http://h/Users?filter=userName eq \"jörg@x\"").getRawQuery())
			.isEqualTo("filter=userName%20eq%20%22j%C3%B6rg@x%22");
		assertThat(RequestUri.toUri("http://h/Users?filter=userName eq \"a@b\"").getQuery())
			.isEqualTo("filter=userName eq \"a@b\"");
		assertThatThrownBy(() -> RequestUri.toUri("/relative")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void generatedVariablesFollowOktasRecipe() {
		Map<String, String> v = RunscopeSuiteRunner.oktaVariables(new Random(1));

		assertThat(v.get("randomGivenName")).matches("Runscope\\d{3}");
		assertThat(v.get("randomFamilyName")).matches("[A-Z][a-z]{8}\\d{3}");
		assertThat(v.get("randomUsername")).isEqualTo(v.get("randomGivenName") + v.get("randomFamilyName") + "@atko.com");
		assertThat(v.get("randomEmail")).isEqualTo(v.get("randomUsername"));
		assertThat(v.get("randomUserEmail")).isEqualTo(v.get("randomUsername"));
		assertThat(v.get("randomUsernameCaps")).isEqualTo(v.get("randomUsername").toUpperCase());
		assertThat(v.get("randomGroupName")).isNotBlank();
		assertThat(v.get("InvalidUserEmail")).isEqualTo("abcdefgh@atko.com");
		assertThat(v.get("UserIdThatDoesNotExist")).isEqualTo("010101001010101011001010101011");
		assertThat(RunscopeSuiteRunner.oktaVariables(new Random(2)).get("randomUsername"))
			.isNotEqualTo(v.get("randomUsername"));
	}

	@Test
	void initialVariablesOverrideGeneratedOnes() {
		SuiteReport report = new RunscopeSuiteRunner().run(suite(with(
				request("GET", "{{SCIMBaseURL}}/echo?u={{randomUsername}}"),
				assertion("response_json", "query", "equal", "u=fixed@atko.com"))), "unit",
				Map.of("SCIMBaseURL", base, "auth", "Bearer " + TOKEN, "randomUsername", "fixed@atko.com"));

		assertThat(report.passed()).as(report::toString).isTrue();
	}

	@Test
	void undefinedVariableFailsLoudlyBeforeAnythingIsSent() {
		ObjectNode first = with(request("GET", "{{SCIMBaseURL}}/user"),
				assertion("response_status", null, "equal_number", "200"));
		ObjectNode second = with(request("GET", "{{SCIMBaseURL}}/echo/{{neverDefined}}"),
				assertion("response_json", "id", "equal", "{{alsoUndefined}}"));

		assertThatThrownBy(() -> run(first, second)).isInstanceOf(UndefinedVariableException.class)
			.hasMessageContaining("{{neverDefined}}")
			.hasMessageContaining("{{alsoUndefined}}")
			.hasMessageContaining("step 2")
			.satisfies(ex -> assertThat(((UndefinedVariableException) ex).names())
				.containsExactlyInAnyOrder("neverDefined", "alsoUndefined"));
		assertThat(received).isEmpty();
	}

	@Test
	void variableUsedBeforeTheStepThatExtractsItIsUndefined() {
		ObjectNode early = request("GET", "{{SCIMBaseURL}}/echo/{{later}}");
		ObjectNode extracting = extract(request("GET", "{{SCIMBaseURL}}/user"), "later", "response_json", "id");

		assertThatThrownBy(() -> run(early, extracting)).isInstanceOf(UndefinedVariableException.class)
			.hasMessageContaining("{{later}}");
	}

	@Test
	void missingInitialVariableFailsLoudly() {
		assertThatThrownBy(() -> new RunscopeSuiteRunner().run(suite(request("GET", "{{SCIMBaseURL}}/user")),
				"unit", Map.of("auth", "Bearer x"))).isInstanceOf(UndefinedVariableException.class)
			.hasMessageContaining("{{SCIMBaseURL}}");
	}

	@Test
	void failedExtractionFailsThatStepAndTheStepsThatNeedIt() {
		ObjectNode first = extract(with(request("GET", "{{SCIMBaseURL}}/user"),
				assertion("response_status", null, "equal_number", "200")), "someId", "response_json", "noSuchField");
		ObjectNode second = with(request("GET", "{{SCIMBaseURL}}/echo/{{someId}}"),
				assertion("response_status", null, "equal_number", "200"));

		SuiteReport report = run(first, second);

		assertThat(report.step(1).errors()).singleElement().asString()
			.contains("variable 'someId' not extracted").contains("(missing)");
		assertThat(report.step(2).errors()).singleElement().asString().contains("{{someId}}").contains("not sent");
		assertThat(report.step(2).status()).isNull();
		assertThat(received).hasSize(1);
		assertThat(report.failures()).hasSize(2);
	}

	// ---- steps ------------------------------------------------------------------------------------------------

	@Test
	void pausesAreCapped() {
		long start = System.nanoTime();
		SuiteReport report = runner().pauseCap(Duration.ofMillis(30)).run(suite(pause(30), pause(60),
				with(request("GET", "{{SCIMBaseURL}}/user"), assertion("response_status", null, "equal_number", "200"))),
				"unit", vars());
		long ms = (System.nanoTime() - start) / 1_000_000;

		assertThat(report.passed()).as(report::toString).isTrue();
		assertThat(ms).isLessThan(5_000);
		assertThat(report.step(1).type()).isEqualTo("pause");
		assertThat(report.step(1).info()).singleElement().asString().contains("30 s").contains("slept 30 ms");
		assertThat(report.step(2).info()).singleElement().asString().contains("slept 30 ms");
	}

	@Test
	void skippedStepsAreNotRun() {
		ObjectNode skipped = with(request("DELETE", "{{SCIMBaseURL}}/echo/{{notDefinedAnywhere}}"),
				assertion("response_status", null, "equal_number", "999"));
		skipped.put("skipped", true);
		ObjectNode skippedPause = pause(100);
		skippedPause.put("skipped", true);

		SuiteReport report = run(skipped, skippedPause,
				with(request("GET", "{{SCIMBaseURL}}/user"), assertion("response_status", null, "equal_number", "200")));

		assertThat(report.passed()).as(report::toString).isTrue();
		assertThat(report.step(1).skipped()).isTrue();
		assertThat(report.step(2).skipped()).isTrue();
		assertThat(received).extracting(Received::method).containsExactly("GET");
	}

	@Test
	void unsupportedStepTypeFails() {
		ObjectNode condition = NODES.objectNode();
		condition.put("step_type", "condition");
		SuiteReport report = run(condition);

		assertThat(report.failures()).singleElement().asString().contains("unsupported step type 'condition'");
	}

	@Test
	void connectionFailureIsAFailedStep() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		SuiteReport report = runner().requestTimeout(Duration.ofSeconds(5)).run(suite(with(
				request("GET", "http://127.0.0.1:" + closedPort + "/x"),
				assertion("response_status", null, "equal_number", "200"))), "unit", vars());

		assertThat(report.passed()).isFalse();
		assertThat(report.step(1).errors()).singleElement().asString().startsWith("no response");
	}

	@Test
	void emptyBodyDeleteIsSentWithoutBody() {
		ObjectNode delete = with(request("DELETE", "{{SCIMBaseURL}}/nobody"),
				assertion("response_status", null, "equal_number", "204"));
		delete.put("body", "");

		SuiteReport report = run(delete);

		assertThat(report.passed()).as(report::toString).isTrue();
		assertThat(received.get(0).method()).isEqualTo("DELETE");
		assertThat(received.get(0).body()).isEmpty();
	}

	@Test
	void formFieldsAndBasicAuthAreSent() {
		ObjectNode post = request("POST", "{{SCIMBaseURL}}/echo");
		post.withObject("headers").remove("Authorization");
		post.putObject("form").put("grant", "{{randomGivenName}} x");
		ObjectNode auth = post.putObject("auth");
		auth.put("auth_type", "basic");
		auth.put("username", "user");
		auth.put("password", "pa55word-secret");
		with(post, assertion("response_json", "body", "contains", "grant=Runscope"));

		SuiteReport report = run(post);

		assertThat(report.passed()).as(report::toString).isTrue();
		assertThat(received.get(0).authorization()).isEqualTo("Basic dXNlcjpwYTU1d29yZC1zZWNyZXQ=");
		assertThat(received.get(0).contentType()).isEqualTo("application/x-www-form-urlencoded");
		assertThat(received.get(0).body()).matches("grant=Runscope\\d{3}\\+x");
	}

	// ---- Python-literal assertions ---------------------------------------------------------------------------

	@Test
	void pythonLiteralAssertionStringsAreEvaluated() {
		ObjectNode step = request("GET", "{{SCIMBaseURL}}/user");
		step.put("assertions", "[{'comparison': 'equal_number', 'source': 'response_status', 'value': '200'}, "
				+ "{'comparison': 'not_empty', 'source': 'response_json', 'value': None, 'property': 'Resources'}, "
				+ "{\"comparison\": \"equal\", \"source\": \"response_json\", \"value\": \"Ann.Smith@Example.com\", "
				+ "\"property\": \"userName\"}, "
				+ "{'comparison': 'equal', 'source': 'response_json', 'value': u'it\\'s \"wrong\"', 'property': 'id'}]");
		step.put("variables", "[{'source': 'response_json', 'name': 'pyId', 'property': 'id'}]");
		ObjectNode next = with(request("GET", "{{SCIMBaseURL}}/echo/{{pyId}}"),
				assertion("response_json", "path", "equal", "/api/echo/u-1"));

		SuiteReport report = run(step, next);

		assertThat(report.step(1).assertions()).extracting(SuiteReport.AssertionResult::passed)
			.containsExactly(true, true, true, false);
		assertThat(report.step(1).assertions().get(3).expected()).isEqualTo("it's \"wrong\"");
		assertThat(report.step(2).passed()).as(report::toString).isTrue();
		assertThat(report.failures()).hasSize(1);
	}

	@Test
	void unparsableAssertionStringFailsTheStep() {
		ObjectNode step = request("GET", "{{SCIMBaseURL}}/user");
		step.put("assertions", "[{'comparison': 'equal_number', 'source': ");

		SuiteReport report = run(step);

		assertThat(report.failures()).singleElement().asString().contains("neither JSON nor a Python literal");
	}

	@Test
	void pythonLiteralParser() {
		JsonNode node = PythonLiteral.parse("""
				[{'a': None, "b": True, 'c': False, 'd': -1.5e2, 'e': 12, 'f': ('x', 'y',), 'g': {}},
				 'esc\\'aped\\n\\t\\x41\\u00e9', r'raw\\d', 'con' "cat", u'', []]  # comment
				""");

		assertThat(node.get(0).get("a").isNull()).isTrue();
		assertThat(node.get(0).get("b").booleanValue()).isTrue();
		assertThat(node.get(0).get("c").booleanValue()).isFalse();
		assertThat(node.get(0).get("d").asDouble()).isEqualTo(-150.0);
		assertThat(node.get(0).get("e").asInt()).isEqualTo(12);
		assertThat(node.get(0).get("f").size()).isEqualTo(2);
		assertThat(node.get(0).get("g").isObject()).isTrue();
		assertThat(node.get(1).stringValue()).isEqualTo("esc'aped\n\tAé");
		assertThat(node.get(2).stringValue()).isEqualTo("raw\\d");
		assertThat(node.get(3).stringValue()).isEqualTo("concat");
		assertThat(node.get(4).stringValue()).isEmpty();
		assertThat(node.get(5).isArray()).isTrue();
		assertThatThrownBy(() -> PythonLiteral.parse("[1, 2")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PythonLiteral.parse("{'a': nope}")).hasMessageContaining("nope");
		assertThatThrownBy(() -> PythonLiteral.parse("'open")).hasMessageContaining("unterminated");
	}

	@Test
	void jsonPropertyPaths() {
		JsonNode user = JSON.readTree(USER);

		assertThat(JsonPropertyPath.parse("Resources[0].name.familyName").resolve(user)).get()
			.extracting(JsonNode::stringValue).isEqualTo("Smith");
		assertThat(JsonPropertyPath.parse("emails[0]['value']").resolve(user)).get()
			.extracting(JsonNode::stringValue).isEqualTo("ann@example.com");
		assertThat(JsonPropertyPath.parse("tags.1").resolve(user)).get().extracting(JsonNode::stringValue)
			.isEqualTo("beta");
		assertThat(JsonPropertyPath.parse("nothing").resolve(user)).get().matches(JsonNode::isNull);
		assertThat(JsonPropertyPath.parse("Resources[1].id").resolve(user)).isEmpty();
		assertThat(JsonPropertyPath.parse("id.deeper").resolve(user)).isEmpty();
		assertThat(JsonPropertyPath.parse("").resolve(user)).get().isEqualTo(user);
		assertThat(JsonPropertyPath.parse("[1]").resolve(JSON.readTree("[1, 2]"))).get()
			.extracting(JsonNode::asInt).isEqualTo(2);
		assertThatThrownBy(() -> JsonPropertyPath.parse("a[x]")).isInstanceOf(IllegalArgumentException.class);
	}

	// ---- scripts ----------------------------------------------------------------------------------------------

	@Test
	void scriptsSeeResponseRequestAndVariablesAndTheirAssertionsPass() {
		ObjectNode step = script(request("GET", "{{SCIMBaseURL}}/user?x=1"), """
				var user = JSON.parse(response.body);
				assert(user.id, "the user has an id");
				assert("a non-empty string is truthy", "so this passes");
				assert.ok(Array.isArray(user.tags), "tags is a list");
				assert.notOk(user.flag);
				assert.equal(user.count, "3", "loose equality coerces");
				assert.notEqual(user.userName.toLowerCase(), user.userName, "case is kept");
				assert.strictEqual(user.count, 3);
				assert.notStrictEqual(user.count, "3");
				assert.deepEqual(user.meta, { resourceType: "User" });
				assert.isTrue(user.active); assert.isFalse(user.flag);
				assert.isArray(user.tags); assert.isNotArray(user.meta);
				assert.isNumber(user.count); assert.isString(user.id); assert.isObject(user.meta);
				assert.isBoolean(user.active); assert.isNull(user.nothing); assert.isUndefined(user.absent);
				assert.isDefined(user.id); assert.exists(user.id); assert.notExists(user.nothing);
				assert.include(user.tags, "beta"); assert.include(user.userName, "Smith");
				assert.include(user.meta, { resourceType: "User" }); assert.notInclude(user.tags, "gamma");
				assert.lengthOf(user.tags, 2); assert.isEmpty(user.list); assert.isNotEmpty(user.tags);
				assert.property(user, "meta"); assert.propertyVal(user, "id", "u-1");
				assert.match(user.id, /^u-\\d$/); assert.typeOf(user.tags, "array");
				assert.isAbove(user.count, 2); assert.isBelow(user.count, 4);
				assert.isAtLeast(user.count, 3); assert.isAtMost(user.count, 3);
				assert.sameMembers(user.tags, ["beta", "alpha"]); assert.oneOf(user.id, ["u-1", "u-2"]);
				assert.closeTo(user.ratio, 1.49, 0.02);
				expect(user.list).to.be.empty;
				expect(user.obj).to.be.empty;
				expect(user.tags).to.not.be.empty;
				expect(user.count).to.equal(3);
				expect(user.meta).to.eql({ resourceType: "User" });
				expect(user.meta).to.deep.equal({ resourceType: "User" });
				expect(user.tags).to.include("alpha").and.to.have.lengthOf(2);
				expect(user).to.have.property("id", "u-1");
				expect(user).to.have.property("emails").that.is.an("array");
				expect(user.id).to.be.a("string");
				expect(user.count).to.be.above(2).and.below(4);
				expect(user.active).to.be.true;
				expect(user.flag).to.be.false;
				expect(user.nothing).to.be.null;
				expect(user.absent).to.be.undefined;
				expect(user.id).to.exist;
				expect(user.id).to.match(/u-1/);
				expect(user.tags).to.have.members(["beta", "alpha"]);
				expect(response.status).to.equal(200);
				expect(response.response_time_ms).to.be.a("number");
				expect(response.size_bytes).to.be.above(100);
				expect(request.method).to.equal("GET");
				expect(request.params.x).to.eql(["1"]);
				expect(request.headers.Accept).to.eql(["application/scim+json"]);
				expect(variables.get("randomUsername")).to.match(/^Runscope\\d{3}[A-Z][a-z]{8}\\d{3}@atko\\.com$/);
				expect(variables.get("noSuchVariable")).to.be.undefined;
				variables.set("fromScript", user.id + "-scripted");
				log("tags", user.tags, 42);
				console.log("done");
				""");
		ObjectNode next = with(request("GET", "{{SCIMBaseURL}}/echo/{{fromScript}}"),
				assertion("response_json", "path", "equal", "/api/echo/{{fromScript}}"));

		SuiteReport report = run(step, next);

		assertThat(report.passed()).as(report::toString).isTrue();
		assertThat(report.step(1).logs()).containsExactly("tags [\"alpha\",\"beta\"] 42", "done");
		assertThat(received.get(1).path()).isEqualTo("/api/echo/u-1-scripted");
	}

	static Stream<Arguments> failingScripts() {
		return Stream.of(
				arguments("assert.equal(1, 2, 'one is two');", "one is two: expected 1 to equal 2"),
				arguments("assert(false, 'plain assert call');", "plain assert call"),
				arguments("assert.ok(0);", "expected 0 to be truthy"),
				arguments("assert.notEqual(JSON.parse(response.body).id, 'u-1', 'must differ');", "must differ"),
				arguments("assert.isArray('x');", "to be an array"),
				arguments("assert.include(['a'], 'b');", "to include \"b\""),
				arguments("expect(JSON.parse(response.body).tags).to.be.empty;", "to be empty"),
				arguments("expect(JSON.parse(response.body).absent).to.be.empty;",
						".empty was passed non-string primitive undefined"),
				arguments("expect([]).to.not.be.empty;", "not to be empty"),
				arguments("expect(1).to.equal(2);", "expected 1 to equal 2"),
				arguments("expect({a: 1}).to.have.property('b');", "to have property \"b\""),
				arguments("JSON.parse(response.body).absent.deeper;", "TypeError"),
				arguments("this is not javascript", "script 1"),
				arguments("throw new Error('thrown on purpose');", "thrown on purpose"),
				arguments("java.lang.System.getProperty('user.home');", "script 1"),
				arguments("Packages.java.lang.Runtime.getRuntime();", "script 1"),
				arguments("while (true) {}", "ran longer than 300 ms"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failingScripts")
	void failingScriptFailsTheStep(String source, String expectedMessage) {
		// a short timeout only where the script is meant to run into it: a busy machine may take longer than that to
		// run an ordinary script once
		Duration timeout = expectedMessage.startsWith("ran longer than") ? Duration.ofMillis(300) : Duration.ofSeconds(30);
		SuiteReport report = runner().scriptTimeout(timeout).run(suite(script(with(
				request("GET", "{{SCIMBaseURL}}/user"), assertion("response_status", null, "equal_number", "200")),
				source)), "unit", vars());

		assertThat(report.step(1).assertions()).allMatch(SuiteReport.AssertionResult::passed);
		assertThat(report.step(1).passed()).isFalse();
		assertThat(report.step(1).scriptFailures()).singleElement().asString().contains(expectedMessage);
		assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.what()).isEqualTo("script"));
		assertThat(report.toString()).contains("script FAILED");
	}

	@Test
	void scriptFailureNamesTheLineOfTheStepsScript() {
		SuiteReport report = run(script(request("GET", "{{SCIMBaseURL}}/user"),
				"var user = JSON.parse(response.body);\n\nexpect(user.tags).to.be.empty;"));

		assertThat(report.step(1).scriptFailures()).singleElement().asString()
			.startsWith("script 1: AssertionError: expected [\"alpha\",\"beta\"] to be empty")
			.endsWith("(line 3)");
	}

	@Test
	void scriptCannotCatchItsTimeout() {
		SuiteReport report = runner().scriptTimeout(Duration.ofMillis(200)).run(suite(script(
				request("GET", "{{SCIMBaseURL}}/user"),
				"for (;;) { try { while (true) {} } catch (e) { log('caught ' + e); } }")), "unit", vars());

		assertThat(report.step(1).scriptFailures()).singleElement().asString().contains("ran longer than 200 ms");
		assertThat(report.step(1).logs()).isEmpty();
	}

	@Test
	void beforeScriptsCanChangeTheRequest() {
		ObjectNode step = request("GET", "{{SCIMBaseURL}}/echo");
		step.withArray("before_scripts").add("""
				request.headers["X-Custom"] = ["from-before-script"];
				request.url = request.url + "?added=" + encodeURIComponent(variables.get("randomGivenName"));
				variables.set("seenBefore", request.method);
				""");
		with(step, assertion("response_json", "custom", "equal", "from-before-script"),
				assertion("response_json", "query", "equal", "added={{randomGivenName}}"),
				assertion("response_json", "method", "equal", "{{seenBefore}}"));

		SuiteReport report = run(step);

		assertThat(report.passed()).as(report::toString).isTrue();
		assertThat(received.get(0).customHeader()).isEqualTo("from-before-script");
	}

	// ---- secrets ----------------------------------------------------------------------------------------------

	@Test
	void authorizationValueNeverAppearsInTheReport() {
		ObjectNode step = script(with(request("GET", "{{SCIMBaseURL}}/echo?token=" + TOKEN),
				assertion("response_status", null, "equal_number", "500"),
				assertion("response_json", "authorization", "equal", "{{auth}}"),
				assertion("response_json", "authorization", "equal", "wrong")),
				"log(request.headers.Authorization[0]); log(response.body); assert.fail('x: ' + variables.get('auth'));");

		SuiteReport report = run(step);

		assertThat(received.get(0).authorization()).isEqualTo("Bearer " + TOKEN);
		String text = report.toString();
		assertThat(text).doesNotContain(TOKEN).contains("***");
		assertThat(report.failures().toString()).doesNotContain(TOKEN);
		assertThat(report.step(1).url()).doesNotContain(TOKEN);
		assertThat(report.step(1).logs()).noneMatch(l -> l.contains(TOKEN));
		assertThat(report.step(1).responseExcerpt()).doesNotContain(TOKEN).contains("***");
	}

	@Test
	void nonSecretHeaderValuesStayOutOfTheReportToo() {
		ObjectNode step = with(request("GET", "{{SCIMBaseURL}}/status/401"),
				assertion("response_status", null, "equal_number", "200"));
		step.withObject("headers").putArray("Authorization").removeAll().add("not-a-real-token");

		SuiteReport report = run(step);

		assertThat(received.get(0).authorization()).isEqualTo("not-a-real-token");
		assertThat(report.toString()).doesNotContain("not-a-real-token");
	}

	// ---- a suite file ------------------------------------------------------------------------------------------

	@Test
	void runsASuiteFileFromTestResources() throws Exception {
		Path file = Path.of(RunscopeSuiteRunnerTest.class.getResource("/runscope/sample-suite.json").toURI());

		SuiteReport report = runner().run(file, vars());

		assertThat(report.suiteName()).isEqualTo("Sample provisioning checks");
		assertThat(report.steps()).extracting(SuiteReport.StepReport::type)
			.containsExactly("request", "pause", "request", "request", "request", "pause");
		assertThat(report.step(4).skipped()).isTrue();
		List<String> failed = new ArrayList<>();
		report.failures().forEach(f -> failed.add(f.step() + " " + f.what()));
		assertThat(failed).containsExactly("5 response_json 'totalResults' equal_number '1'");
		assertThat(report.assertionCount()).isEqualTo(9);
		assertThat(report.passedAssertionCount()).isEqualTo(8);
		assertThat(received).extracting(Received::method).containsExactly("POST", "GET", "GET");
	}

}
