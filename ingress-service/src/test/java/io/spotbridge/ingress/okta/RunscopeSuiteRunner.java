package io.spotbridge.ingress.okta;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Executes a Runscope test export (the format of Okta's published SCIM test suites) against a live server and
 * reports every assertion.
 * <p>
 * Each {@code request} step runs as Runscope runs it: its url, headers, body (and form/basic-auth fields) are
 * rendered with {@code {{variable}}} templating; {@code before_scripts} run (and may change the request); the
 * request is sent with {@link HttpClient} (HTTP/1.1, spaces and quotes in the query percent-encoded); then the
 * step's {@code variables} are extracted, its {@code scripts} run in a {@link ScriptSandbox}, and every
 * {@code assertions} entry is evaluated by {@link AssertionEvaluator}. {@code assertions}, {@code variables} and
 * {@code scripts} may be JSON lists or Python-literal strings. {@code pause} steps sleep at most
 * {@link #pauseCap(Duration) the pause cap}; steps with {@code "skipped": true} are not run.
 * <p>
 * Variables: the Okta ones are generated for each run ({@link #oktaVariables(Random)}), then the caller's
 * initial variables (e.g. {@code SCIMBaseURL}, {@code auth}) override them. Before anything is sent the whole
 * suite is checked: a placeholder that neither these nor an earlier step's {@code variables} / script
 * {@code variables.set} define throws {@link UndefinedVariableException}. At run time, a placeholder left undefined
 * (an earlier extraction failed) fails its step, which is then not sent.
 * <p>
 * The values of secret variables ({@code auth} by default) and every Authorization header value sent are masked
 * as {@code ***} in the report and the log; request headers are never reported.
 */
public final class RunscopeSuiteRunner {

	/** Default longest sleep for a {@code pause} step. */
	public static final Duration DEFAULT_PAUSE_CAP = Duration.ofMillis(50);

	private static final System.Logger LOG = System.getLogger(RunscopeSuiteRunner.class.getName());

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Headers {@link HttpClient} refuses to set. */
	private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "date", "expect",
			"from", "host", "upgrade", "via", "warning");

	private static final Pattern SCRIPT_SET = Pattern.compile("variables\\s*\\.\\s*set\\s*\\(\\s*(['\"])(.+?)\\1");

	private static final int EXCERPT = 2000;

	private Duration pauseCap = DEFAULT_PAUSE_CAP;

	private Duration requestTimeout = Duration.ofSeconds(60);

	private Duration scriptTimeout = Duration.ofSeconds(5);

	private HttpClient httpClient;

	private Random random = new SecureRandom();

	private Set<String> secretVariables = Set.of("auth");

	/** Longest sleep for a {@code pause} step (default {@value} 50 ms); suites ask for 5-10 s. */
	public RunscopeSuiteRunner pauseCap(Duration cap) {
		this.pauseCap = Objects.requireNonNull(cap);
		return this;
	}

	/** Per-request timeout (default 60 s, what Okta allows). */
	public RunscopeSuiteRunner requestTimeout(Duration timeout) {
		this.requestTimeout = Objects.requireNonNull(timeout);
		return this;
	}

	/** Longest run of one script (default 5 s). */
	public RunscopeSuiteRunner scriptTimeout(Duration timeout) {
		this.scriptTimeout = Objects.requireNonNull(timeout);
		return this;
	}

	/** The client to send with (default: HTTP/1.1, follows redirects like Runscope, 10 s connect timeout). */
	public RunscopeSuiteRunner httpClient(HttpClient client) {
		this.httpClient = Objects.requireNonNull(client);
		return this;
	}

	/** The source of the generated Okta variables. */
	public RunscopeSuiteRunner random(Random random) {
		this.random = Objects.requireNonNull(random);
		return this;
	}

	/** Variables whose values are masked in the report (default {@code auth}). */
	public RunscopeSuiteRunner secretVariables(Set<String> names) {
		this.secretVariables = Set.copyOf(names);
		return this;
	}

	/**
	 * The variables Okta's suites expect their environment to generate, fresh for each run:
	 * {@code randomGivenName} ("Runscope" + 3 digits), {@code randomFamilyName} (1 capital, 8 lowercase, 3
	 * digits), {@code randomUsername} = {@code randomEmail} = {@code randomUserEmail} = given + family +
	 * "@atko.com", {@code randomUsernameCaps} (upper-cased), {@code randomGroupName}, {@code InvalidUserEmail} =
	 * "abcdefgh@atko.com", {@code UserIdThatDoesNotExist} = "010101001010101011001010101011".
	 */
	public static Map<String, String> oktaVariables(Random random) {
		String given = "Runscope" + digits(random, 3);
		String family = letters(random, 1, 'A') + letters(random, 8, 'a') + digits(random, 3);
		String userName = given + family + "@atko.com";
		Map<String, String> vars = new LinkedHashMap<>();
		vars.put("randomGivenName", given);
		vars.put("randomFamilyName", family);
		vars.put("randomUsername", userName);
		vars.put("randomEmail", userName);
		vars.put("randomUserEmail", userName);
		vars.put("randomUsernameCaps", userName.toUpperCase(Locale.ROOT));
		vars.put("randomGroupName", "Runscope Group " + letters(random, 1, 'A') + letters(random, 7, 'a')
				+ digits(random, 3));
		vars.put("InvalidUserEmail", "abcdefgh@atko.com");
		vars.put("UserIdThatDoesNotExist", "010101001010101011001010101011");
		return vars;
	}

	/** Runs the suite file (read where it is). */
	public SuiteReport run(Path suiteFile, Map<String, String> initialVariables) throws IOException {
		return run(Files.readString(suiteFile, StandardCharsets.UTF_8), suiteFile.toString(), initialVariables);
	}

	/**
	 * Runs a suite given as Runscope export JSON.
	 *
	 * @param suiteJson the export: an object with {@code name} and {@code steps}
	 * @param source where it came from, for the report
	 * @param initialVariables e.g. {@code SCIMBaseURL}, {@code auth} (the whole Authorization header value)
	 * @throws UndefinedVariableException when the suite uses a variable nothing defines
	 * @throws IllegalArgumentException when the text is not a Runscope export
	 */
	public SuiteReport run(String suiteJson, String source, Map<String, String> initialVariables) {
		JsonNode suite;
		try {
			suite = JSON.readTree(suiteJson);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Suite " + source + " is not JSON: " + ex.getOriginalMessage(), ex);
		}
		JsonNode steps = suite.get("steps");
		if (!suite.isObject() || steps == null || !steps.isArray()) {
			throw new IllegalArgumentException("Suite " + source + " has no 'steps' list");
		}
		String name = RunscopeAssertion.text(suite.get("name"));

		Map<String, String> vars = new LinkedHashMap<>(oktaVariables(this.random));
		vars.putAll(initialVariables);
		checkVariables(steps, vars.keySet(), source);

		Redactor redactor = new Redactor();
		this.secretVariables.forEach(secret -> redactor.add(vars.get(secret)));
		HttpClient client = this.httpClient != null ? this.httpClient
				: HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
		ScriptSandbox sandbox = new ScriptSandbox(this.scriptTimeout);

		List<SuiteReport.StepReport> reports = new ArrayList<>();
		int number = 0;
		for (JsonNode step : steps) {
			number++;
			StepBuilder b = new StepBuilder(number, type(step), RunscopeAssertion.text(step.get("note")), redactor);
			if (step.path("skipped").asBoolean(false)) {
				b.skipped = true;
				if ("request".equals(b.type)) {
					b.method = upper(RunscopeAssertion.text(step.get("method")));
					b.url = RunscopeAssertion.text(step.get("url"));
				}
			}
			else if ("pause".equals(b.type)) {
				pause(step, b);
			}
			else if ("request".equals(b.type)) {
				request(step, vars, redactor, client, sandbox, b);
			}
			else {
				b.errors.add("unsupported step type '" + b.type + "'");
			}
			SuiteReport.StepReport report = b.build();
			reports.add(report);
			LOG.log(report.passed() ? Level.DEBUG : Level.WARNING, "{0}: {1}", source, report.headline());
		}
		return new SuiteReport(name, source, reports);
	}

	private void pause(JsonNode step, StepBuilder b) {
		double seconds = AssertionEvaluator.number(step.get("duration")).map(Number::doubleValue).orElse(0d);
		long askedMs = Math.max(0, Math.round(seconds * 1000));
		long sleepMs = Math.min(askedMs, this.pauseCap.toMillis());
		b.info.add(String.format(Locale.ROOT, "%s s (slept %d ms)", step.path("duration").asString("0"), sleepMs));
		try {
			Thread.sleep(sleepMs);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			b.errors.add("interrupted during pause");
		}
	}

	private void request(JsonNode step, Map<String, String> vars, Redactor redactor, HttpClient client,
			ScriptSandbox sandbox, StepBuilder b) {
		Function<String, String> lookup = vars::get;
		String where = "step " + b.number;
		b.method = upper(RunscopeAssertion.text(step.get("method")));
		String urlTemplate = RunscopeAssertion.text(step.get("url"));
		b.url = urlTemplate;
		String url;
		Map<String, List<String>> headers = new LinkedHashMap<>();
		String body;
		try {
			url = VariableTemplate.render(urlTemplate, lookup, "the url of " + where);
			b.url = url;
			headers(step.get("headers"), lookup, where, headers);
			body = VariableTemplate.render(RunscopeAssertion.text(step.get("body")), lookup, "the body of " + where);
			body = form(step.get("form"), lookup, where, headers, body);
			auth(step.get("auth"), lookup, where, headers, redactor);
			JsonNode multipart = step.get("multipart_form");
			if (multipart != null && multipart.isContainer() && !multipart.isEmpty()) {
				b.errors.add("multipart_form is not supported");
				return;
			}
		}
		catch (UndefinedVariableException ex) {
			b.errors.add(ex.getMessage() + ": not sent (an earlier step did not extract it?)");
			return;
		}
		catch (IllegalArgumentException ex) {
			b.errors.add(ex.getMessage() + ": not sent");
			return;
		}
		headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Authorization"))
			.forEach(e -> e.getValue().forEach(redactor::add));

		ScriptSandbox.Variables scriptVars = scriptVariables(vars, redactor);
		ObjectNode requestJson = requestJson(b.method, url, headers, body, step.get("form"));
		List<String> beforeScripts = scripts(step, "before_scripts", b);
		for (int i = 0; i < beforeScripts.size(); i++) {
			ScriptSandbox.Outcome outcome = sandbox.run(beforeScripts.get(i), "before_script " + (i + 1),
					requestJson, null, scriptVars, b.logs::add);
			if (!outcome.passed()) {
				b.scriptFailures.add(outcome.failure());
			}
			if (outcome.request() != null && outcome.request().isObject()) {
				requestJson = (ObjectNode) outcome.request();
			}
		}
		if (!beforeScripts.isEmpty()) {
			b.method = upper(requestJson.path("method").asString(b.method));
			url = requestJson.path("url").asString(url);
			b.url = url;
			body = requestJson.path("body").isNull() ? null : requestJson.path("body").asString(body);
			headers = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> h : requestJson.path("headers").properties()) {
				List<String> values = new ArrayList<>();
				if (h.getValue().isArray()) {
					h.getValue().forEach(v -> values.add(AssertionEvaluator.text(v)));
				}
				else {
					values.add(AssertionEvaluator.text(h.getValue()));
				}
				headers.put(h.getKey(), values);
				if (h.getKey().equalsIgnoreCase("Authorization")) {
					values.forEach(redactor::add);
				}
			}
		}

		StepResponse response = send(client, b, url, headers, body);
		if (response == null) {
			return;
		}
		b.response = response;
		b.status = response.status();
		b.responseTimeMs = response.responseTimeMs();

		for (JsonNode variable : list(step, "variables", b)) {
			String name = RunscopeAssertion.text(variable.get("name"));
			if (name == null || name.isBlank()) {
				continue;
			}
			String source = RunscopeAssertion.text(variable.get("source"));
			String property = RunscopeAssertion.text(variable.get("property"));
			AssertionEvaluator.Actual actual = AssertionEvaluator.extract(source, property, response);
			if (actual.present() && !actual.node().isNull()) {
				vars.put(name, AssertionEvaluator.text(actual.node()));
				if (this.secretVariables.contains(name)) {
					redactor.add(vars.get(name));
				}
			}
			else {
				b.errors.add("variable '" + name + "' not extracted: " + source
						+ (property == null ? "" : " '" + property + "'") + " is " + actual.shown());
			}
		}

		List<String> scripts = scripts(step, "scripts", b);
		if (!scripts.isEmpty()) {
			ObjectNode responseJson = responseJson(response);
			for (int i = 0; i < scripts.size(); i++) {
				ScriptSandbox.Outcome outcome = sandbox.run(scripts.get(i), "script " + (i + 1), requestJson,
						responseJson, scriptVars, b.logs::add);
				if (!outcome.passed()) {
					b.scriptFailures.add(outcome.failure());
				}
			}
		}

		for (JsonNode node : list(step, "assertions", b)) {
			RunscopeAssertion assertion;
			try {
				assertion = RunscopeAssertion.from(node);
			}
			catch (IllegalArgumentException ex) {
				b.errors.add(ex.getMessage());
				continue;
			}
			String expected;
			try {
				expected = VariableTemplate.render(assertion.value(), lookup, "an assertion of " + where);
			}
			catch (UndefinedVariableException ex) {
				b.assertions.add(new SuiteReport.AssertionResult(AssertionEvaluator.describe(assertion,
						assertion.value()), false, "(not evaluated)", assertion.value(), ex.getMessage()));
				continue;
			}
			b.assertions.add(AssertionEvaluator.evaluate(assertion, expected, response));
		}
	}

	private StepResponse send(HttpClient client, StepBuilder b, String url, Map<String, List<String>> headers,
			String body) {
		URI uri;
		try {
			uri = RequestUri.toUri(url);
		}
		catch (IllegalArgumentException ex) {
			b.errors.add("bad url: " + ex.getMessage());
			return null;
		}
		b.url = uri.toString();
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(this.requestTimeout);
		for (Map.Entry<String, List<String>> header : headers.entrySet()) {
			if (RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
				b.info.add("header '" + header.getKey() + "' not sent: java.net.http sets it itself");
				continue;
			}
			for (String value : header.getValue()) {
				try {
					request.header(header.getKey(), value);
				}
				catch (IllegalArgumentException ex) {
					b.info.add("header '" + header.getKey() + "' not sent: " + ex.getMessage());
				}
			}
		}
		HttpRequest.BodyPublisher publisher = body == null || body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
		try {
			request.method(b.method, publisher);
		}
		catch (IllegalArgumentException ex) {
			b.errors.add("bad method '" + b.method + "': " + ex.getMessage());
			return null;
		}
		long start = System.nanoTime();
		try {
			HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			long ms = (System.nanoTime() - start) / 1_000_000;
			return new StepResponse(response.statusCode(), response.headers().map(), response.body(), ms);
		}
		catch (IOException ex) {
			b.errors.add("no response: " + ex);
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			b.errors.add("interrupted while waiting for the response");
			return null;
		}
	}

	private static void headers(JsonNode node, Function<String, String> lookup, String where,
			Map<String, List<String>> out) {
		if (node == null || node.isNull()) {
			return;
		}
		if (!node.isObject()) {
			throw new IllegalArgumentException("headers of " + where + " must be an object");
		}
		for (Map.Entry<String, JsonNode> header : node.properties()) {
			String name = VariableTemplate.render(header.getKey(), lookup, "a header name of " + where);
			List<String> values = out.computeIfAbsent(name, k -> new ArrayList<>());
			JsonNode value = header.getValue();
			if (value.isArray()) {
				for (JsonNode v : value) {
					values.add(VariableTemplate.render(AssertionEvaluator.text(v), lookup,
							"header " + name + " of " + where));
				}
			}
			else if (!value.isNull()) {
				values.add(VariableTemplate.render(AssertionEvaluator.text(value), lookup,
						"header " + name + " of " + where));
			}
		}
	}

	private static String form(JsonNode form, Function<String, String> lookup, String where,
			Map<String, List<String>> headers, String body) {
		if (form == null || !form.isObject() || form.isEmpty() || (body != null && !body.isEmpty())) {
			return body;
		}
		StringBuilder encoded = new StringBuilder();
		for (Map.Entry<String, JsonNode> field : form.properties()) {
			List<JsonNode> values = new ArrayList<>();
			if (field.getValue().isArray()) {
				field.getValue().forEach(values::add);
			}
			else {
				values.add(field.getValue());
			}
			for (JsonNode value : values) {
				String v = VariableTemplate.render(AssertionEvaluator.text(value), lookup, "form of " + where);
				encoded.append(encoded.length() == 0 ? "" : "&")
					.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
					.append(URLEncoder.encode(v, StandardCharsets.UTF_8));
			}
		}
		if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
			headers.put("Content-Type", new ArrayList<>(List.of("application/x-www-form-urlencoded")));
		}
		return encoded.toString();
	}

	private static void auth(JsonNode auth, Function<String, String> lookup, String where,
			Map<String, List<String>> headers, Redactor redactor) {
		if (auth == null || !auth.isObject() || auth.isEmpty()) {
			return;
		}
		String type = RunscopeAssertion.text(auth.get("auth_type"));
		if (!"basic".equalsIgnoreCase(type)) {
			throw new IllegalArgumentException("auth type '" + type + "' of " + where + " is not supported");
		}
		String user = VariableTemplate.render(RunscopeAssertion.text(auth.get("username")), lookup, where);
		String password = VariableTemplate.render(RunscopeAssertion.text(auth.get("password")), lookup, where);
		redactor.add(password);
		String value = "Basic " + Base64.getEncoder()
			.encodeToString((Objects.toString(user, "") + ":" + Objects.toString(password, ""))
				.getBytes(StandardCharsets.UTF_8));
		headers.put("Authorization", new ArrayList<>(List.of(value)));
	}

	private static ObjectNode requestJson(String method, String url, Map<String, List<String>> headers, String body,
			JsonNode form) {
		ObjectNode request = NODES.objectNode();
		request.put("method", method);
		request.put("url", url);
		ObjectNode h = request.putObject("headers");
		headers.forEach((name, values) -> {
			ArrayNode array = h.putArray(name);
			values.forEach(array::add);
		});
		if (body == null) {
			request.putNull("body");
		}
		else {
			request.put("body", body);
		}
		ObjectNode params = request.putObject("params");
		try {
			URI uri = RequestUri.toUri(url);
			request.put("scheme", uri.getScheme());
			request.put("host", uri.getHost());
			request.put("path", uri.getRawPath());
			if (uri.getRawQuery() != null) {
				for (String pair : uri.getRawQuery().split("&")) {
					int eq = pair.indexOf('=');
					String key = decode(eq < 0 ? pair : pair.substring(0, eq));
					String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
					(params.has(key) ? (ArrayNode) params.get(key) : params.putArray(key)).add(value);
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// left without scheme/host/path; the send reports the bad URL
		}
		request.set("form", form != null && form.isObject() ? form.deepCopy() : NODES.objectNode());
		return request;
	}

	private static String decode(String s) {
		try {
			return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return s;
		}
	}

	private static ObjectNode responseJson(StepResponse response) {
		ObjectNode json = NODES.objectNode();
		json.put("status", response.status());
		json.put("reason", "");
		json.put("body", response.text());
		ObjectNode headers = json.putObject("headers");
		response.headers().forEach((name, values) -> {
			ArrayNode array = headers.putArray(name);
			values.forEach(array::add);
		});
		json.put("response_time", response.responseTimeMs());
		json.put("response_time_ms", response.responseTimeMs());
		json.put("size_bytes", response.sizeBytes());
		return json;
	}

	private ScriptSandbox.Variables scriptVariables(Map<String, String> vars, Redactor redactor) {
		Set<String> secrets = this.secretVariables;
		return new ScriptSandbox.Variables() {

			@Override
			public String get(String name) {
				return vars.get(name);
			}

			@Override
			public void set(String name, String value) {
				vars.put(name, value);
				if (secrets.contains(name)) {
					redactor.add(value);
				}
			}

		};
	}

	/** A list field that may be a JSON list or a Python-literal (or JSON) string; an unparsable one is an error. */
	private static List<JsonNode> list(JsonNode step, String field, StepBuilder b) {
		JsonNode node = step.get(field);
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (node.isString()) {
			String text = node.stringValue().trim();
			if (text.isEmpty()) {
				return List.of();
			}
			try {
				node = parseListText(text);
			}
			catch (IllegalArgumentException ex) {
				if (b != null) {
					b.errors.add("'" + field + "' is neither JSON nor a Python literal: " + ex.getMessage());
				}
				return List.of();
			}
		}
		if (!node.isArray()) {
			if (b != null) {
				b.errors.add("'" + field + "' is not a list");
			}
			return List.of();
		}
		List<JsonNode> items = new ArrayList<>();
		node.forEach(items::add);
		return items;
	}

	static JsonNode parseListText(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (JacksonException notJson) {
			return PythonLiteral.parse(text);
		}
	}

	private static List<String> scripts(JsonNode step, String field, StepBuilder b) {
		List<String> scripts = new ArrayList<>();
		for (JsonNode script : list(step, field, b)) {
			String text = AssertionEvaluator.text(script);
			if (text != null && !text.isBlank()) {
				scripts.add(text);
			}
		}
		return scripts;
	}

	/**
	 * Checks, before anything is sent, that every placeholder of the suite's non-skipped request steps is defined
	 * by the given names or by an earlier step (its {@code variables}, or a script's {@code variables.set}).
	 */
	static void checkVariables(JsonNode steps, Set<String> initial, String source) {
		Set<String> defined = new HashSet<>(initial);
		Map<String, Set<String>> problems = new LinkedHashMap<>();
		Set<String> undefined = new TreeSet<>();
		int number = 0;
		for (JsonNode step : steps) {
			number++;
			if (step.path("skipped").asBoolean(false) || !"request".equals(type(step))) {
				continue;
			}
			String where = "step " + number;
			Set<String> requestNames = new LinkedHashSet<>();
			requestNames.addAll(VariableTemplate.names(RunscopeAssertion.text(step.get("url"))));
			requestNames.addAll(VariableTemplate.names(RunscopeAssertion.text(step.get("body"))));
			for (String part : List.of("headers", "form", "auth")) {
				JsonNode node = step.get(part);
				if (node != null && node.isContainer()) {
					requestNames.addAll(VariableTemplate.names(node.toString()));
				}
			}
			requestNames.stream().filter(n -> !defined.contains(n))
				.forEach(n -> problems.computeIfAbsent(where + " request", k -> new LinkedHashSet<>()).add(n));
			for (JsonNode variable : list(step, "variables", null)) {
				String name = RunscopeAssertion.text(variable.get("name"));
				if (name != null && !name.isBlank()) {
					defined.add(name);
				}
			}
			for (String field : List.of("before_scripts", "scripts")) {
				for (String script : scripts(step, field, null)) {
					Matcher m = SCRIPT_SET.matcher(script);
					while (m.find()) {
						defined.add(m.group(2));
					}
				}
			}
			for (JsonNode assertion : list(step, "assertions", null)) {
				VariableTemplate.names(RunscopeAssertion.text(assertion.get("value"))).stream()
					.filter(n -> !defined.contains(n))
					.forEach(n -> problems.computeIfAbsent(where + " assertions", k -> new LinkedHashSet<>()).add(n));
			}
		}
		if (!problems.isEmpty()) {
			StringBuilder message = new StringBuilder("Suite ").append(source)
				.append(" uses variables that nothing defines (not initial, not generated, not extracted earlier):");
			problems.forEach((where, names) -> {
				message.append(' ').append(where).append(": ").append(VariableTemplate.placeholders(names)).append(';');
				undefined.addAll(names);
			});
			throw new UndefinedVariableException(message.toString(), undefined);
		}
	}

	private static String type(JsonNode step) {
		String type = RunscopeAssertion.text(step.get("step_type"));
		return type == null || type.isBlank() ? "request" : type;
	}

	private static String upper(String method) {
		return method == null || method.isBlank() ? "GET" : method.trim().toUpperCase(Locale.ROOT);
	}

	private static String digits(Random random, int n) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < n; i++) {
			s.append((char) ('0' + random.nextInt(10)));
		}
		return s.toString();
	}

	private static String letters(Random random, int n, char first) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < n; i++) {
			s.append((char) (first + random.nextInt(26)));
		}
		return s.toString();
	}

	/** Masks secret values (longest first) wherever they appear. */
	static final class Redactor {

		static final String MASK = "***";

		private final Set<String> secrets = new TreeSet<>(
				Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

		void add(String secret) {
			if (secret == null || secret.isBlank()) {
				return;
			}
			String s = secret.trim();
			if (s.length() >= 4) {
				this.secrets.add(s);
			}
			int space = s.indexOf(' ');
			if (space > 0 && s.length() - space - 1 >= 4) {
				// "Bearer <token>": the token alone is just as secret
				this.secrets.add(s.substring(space + 1).trim());
			}
		}

		String apply(String text) {
			if (text == null) {
				return null;
			}
			String out = text;
			for (String secret : this.secrets) {
				out = out.replace(secret, MASK);
			}
			return out;
		}

	}

	/** Collects one step's outcome; everything is masked on {@link #build()}. */
	private static final class StepBuilder {

		final int number;

		final String type;

		final String note;

		final Redactor redactor;

		boolean skipped;

		String method;

		String url;

		Integer status;

		Long responseTimeMs;

		StepResponse response;

		final List<SuiteReport.AssertionResult> assertions = new ArrayList<>();

		final List<String> scriptFailures = new ArrayList<>();

		final List<String> errors = new ArrayList<>();

		final List<String> logs = new ArrayList<>();

		final List<String> info = new ArrayList<>();

		StepBuilder(int number, String type, String note, Redactor redactor) {
			this.number = number;
			this.type = type;
			this.note = note;
			this.redactor = redactor;
		}

		SuiteReport.StepReport build() {
			Redactor r = this.redactor;
			List<SuiteReport.AssertionResult> masked = this.assertions.stream()
				.map(a -> new SuiteReport.AssertionResult(r.apply(a.description()), a.passed(), r.apply(a.actual()),
						r.apply(a.expected()), r.apply(a.message())))
				.toList();
			boolean failed = !this.errors.isEmpty() || !this.scriptFailures.isEmpty()
					|| masked.stream().anyMatch(a -> !a.passed());
			String excerpt = null;
			if (failed && this.response != null) {
				String text = this.response.text();
				excerpt = text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
			}
			return new SuiteReport.StepReport(this.number, this.type, this.skipped, r.apply(this.note), this.method,
					r.apply(this.url), this.status, this.responseTimeMs, masked, mask(this.scriptFailures),
					mask(this.errors), mask(this.logs), mask(this.info), r.apply(excerpt));
		}

		private List<String> mask(List<String> lines) {
			return lines.stream().map(this.redactor::apply).toList();
		}

	}

}
