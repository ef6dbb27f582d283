package io.spotbridge.worker.spot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriUtils;

/**
 * A URI template of a Spot route joined with a tenant's base URL, expanded once into its literal parts, so that a
 * call only concatenates them with its encoded variables. The result is exactly what WebClient built from the same base
 * URL and template ({@link DefaultUriBuilderFactory}, which encodes the template and then each variable strictly: every
 * character outside RFC 3986's unreserved set is percent-encoded, {@code /} included).
 */
final class SpotUri {

	private static final String MARKER = "SPOTBRIDGEURIVARIABLE";

	/** the literal parts; the variables go between them */
	private final String[] parts;

	private SpotUri(String[] parts) {
		this.parts = parts;
	}

	static SpotUri of(String baseUrl, String template) {
		DefaultUriBuilderFactory factory = new DefaultUriBuilderFactory(baseUrl);
		int variables = countVariables(template);
		Object[] markers = new Object[variables];
		for (int i = 0; i < variables; i++) {
			markers[i] = MARKER + i + "X";
		}
		String expanded = factory.expand(template, markers).toString();
		List<String> parts = new ArrayList<>();
		int from = 0;
		for (int i = 0; i < variables; i++) {
			String marker = MARKER + i + "X";
			int at = expanded.indexOf(marker, from);
			if (at < 0) {
				throw new IllegalArgumentException("cannot expand " + template + " on " + baseUrl);
			}
			parts.add(expanded.substring(from, at));
			from = at + marker.length();
		}
		parts.add(expanded.substring(from));
		return new SpotUri(parts.toArray(String[]::new));
	}

	/** The URI with the variables, in order, each encoded strictly. */
	String expand(Object... variables) {
		if (variables.length != parts.length - 1) {
			throw new IllegalArgumentException("expected " + (parts.length - 1) + " URI variables, got " + variables.length);
		}
		if (variables.length == 0) {
			return parts[0];
		}
		StringBuilder uri = new StringBuilder(parts[0].length() + 48);
		uri.append(parts[0]);
		for (int i = 0; i < variables.length; i++) {
			uri.append(encode(String.valueOf(variables[i]))).append(parts[i + 1]);
		}
		return uri.toString();
	}

	/** {@link UriUtils#encode(String, java.nio.charset.Charset)}, without its work for ids that need no encoding. */
	static String encode(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (!isUnreserved(value.charAt(i))) {
				return UriUtils.encode(value, StandardCharsets.UTF_8);
			}
		}
		return value;
	}

	/** RFC 3986's unreserved characters: the only ones a strictly encoded variable keeps as they are. */
	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

	private static int countVariables(String template) {
		int count = 0;
		for (int i = template.indexOf('{'); i >= 0; i = template.indexOf('{', i + 1)) {
			count++;
		}
		return count;
	}

}
