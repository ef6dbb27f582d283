package io.spotbridge.ingress.okta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A Runscope JSON property: JavaScript member notation such as {@code Resources[0].name.familyName},
 * {@code emails[0].value}, {@code [0].id}, {@code meta["resourceType"]} or {@code a['b c']}. An empty
 * property (or {@code $}) selects the whole body; {@code length} on an array gives its size, as in JavaScript.
 */
final class JsonPropertyPath {

	private final String text;

	private final List<Object> segments;

	private JsonPropertyPath(String text, List<Object> segments) {
		this.text = text;
		this.segments = segments;
	}

	static JsonPropertyPath parse(String property) {
		String p = property == null ? "" : property.trim();
		if (p.startsWith("$")) {
			p = p.substring(1);
		}
		List<Object> segments = new ArrayList<>();
		int i = 0;
		while (i < p.length()) {
			char c = p.charAt(i);
			if (c == '.') {
				i++;
				if (i >= p.length() || p.charAt(i) == '.' || p.charAt(i) == '[') {
					throw new IllegalArgumentException("Bad JSON property '" + property + "': empty name at " + i);
				}
				continue;
			}
			if (c == '[') {
				int close;
				char q = i + 1 < p.length() ? p.charAt(i + 1) : 0;
				if (q == '"' || q == '\'') {
					close = p.indexOf(q, i + 2);
					if (close < 0 || close + 1 >= p.length() || p.charAt(close + 1) != ']') {
						throw new IllegalArgumentException("Bad JSON property '" + property + "': unclosed [" + q);
					}
					segments.add(p.substring(i + 2, close));
					i = close + 2;
				}
				else {
					close = p.indexOf(']', i);
					if (close < 0) {
						throw new IllegalArgumentException("Bad JSON property '" + property + "': unclosed [");
					}
					String index = p.substring(i + 1, close).trim();
					if (!index.matches("\\d+")) {
						throw new IllegalArgumentException(
								"Bad JSON property '" + property + "': index '" + index + "' is not a number");
					}
					segments.add(Integer.parseInt(index));
					i = close + 1;
				}
				continue;
			}
			int end = i;
			while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
				end++;
			}
			segments.add(p.substring(i, end).trim());
			i = end;
		}
		return new JsonPropertyPath(property == null ? "" : property, List.copyOf(segments));
	}

	/**
	 * @return the node at this path, or empty when some segment does not exist (a JSON {@code null} is present)
	 */
	Optional<JsonNode> resolve(JsonNode root) {
		JsonNode node = root;
		for (Object segment : segments) {
			if (node == null || node.isMissingNode()) {
				return Optional.empty();
			}
			if (segment instanceof Integer index) {
				if (node.isArray()) {
					node = node.get(index);
				}
				else if (node.isObject()) {
					node = node.get(String.valueOf(index));
				}
				else {
					return Optional.empty();
				}
			}
			else {
				String name = (String) segment;
				if (node.isArray()) {
					if ("length".equals(name)) {
						node = JsonNodeFactory.instance.numberNode(node.size());
					}
					else if (name.matches("\\d+")) {
						node = node.get(Integer.parseInt(name));
					}
					else {
						return Optional.empty();
					}
				}
				else if (node.isObject()) {
					node = node.get(name);
				}
				else {
					return Optional.empty();
				}
			}
		}
		return Optional.ofNullable(node).filter(n -> !n.isMissingNode());
	}

	@Override
	public String toString() {
		return this.text;
	}

}
