package io.spotbridge.ingress.okta;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a request step got back: the data Runscope assertions, variables and scripts read. */
final class StepResponse {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

	private final int status;

	private final Map<String, List<String>> headers;

	private final byte[] body;

	private final String text;

	private final long responseTimeMs;

	private JsonNode json;

	private String jsonProblem;

	StepResponse(int status, Map<String, List<String>> headers, byte[] body, long responseTimeMs) {
		this.status = status;
		TreeMap<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> {
			if (name != null && !name.startsWith(":")) {
				sorted.put(name, List.copyOf(values));
			}
		});
		this.headers = Collections.unmodifiableMap(sorted);
		this.body = body == null ? new byte[0] : body.clone();
		this.text = new String(this.body, charset(header("Content-Type")));
		this.responseTimeMs = responseTimeMs;
	}

	int status() {
		return this.status;
	}

	/** Header names compare case-insensitively. */
	Map<String, List<String>> headers() {
		return this.headers;
	}

	/** All values of a header joined with ", ", or {@code null} when absent. */
	String header(String name) {
		List<String> values = this.headers.get(name);
		return values == null ? null : String.join(", ", values);
	}

	String text() {
		return this.text;
	}

	int sizeBytes() {
		return this.body.length;
	}

	long responseTimeMs() {
		return this.responseTimeMs;
	}

	/** The body as JSON, or {@code null} when it is not JSON (see {@link #jsonProblem()}). */
	synchronized JsonNode json() {
		if (this.json == null && this.jsonProblem == null) {
			if (this.text.isBlank()) {
				this.jsonProblem = "response body is empty, not JSON";
			}
			else {
				try {
					this.json = JSON.readTree(this.text);
				}
				catch (JacksonException ex) {
					this.jsonProblem = "response body is not JSON: " + ex.getOriginalMessage();
				}
			}
		}
		return this.json;
	}

	synchronized String jsonProblem() {
		json();
		return this.jsonProblem;
	}

	private static Charset charset(String contentType) {
		if (contentType != null) {
			Matcher m = CHARSET.matcher(contentType);
			if (m.find()) {
				try {
					return Charset.forName(m.group(1).toUpperCase(Locale.ROOT));
				}
				catch (RuntimeException ex) {
					// fall back to UTF-8
				}
			}
		}
		return StandardCharsets.UTF_8;
	}

}
