package io.spotbridge.ingress.scim;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pagination of a list request (RFC 7644 §3.4.2.4): 1-based {@code startIndex} (values below 1 are 1), {@code count}
 * defaulting to 100 and capped at {@link #MAX_COUNT}.
 */
public record ListPage(int startIndex, int count) {

	public static final int DEFAULT_COUNT = 100;

	public static final int MAX_COUNT = 1000;

	public static ListPage of(Optional<String> startIndex, Optional<String> count) {
		int start = startIndex.map(s -> parse("startIndex", s)).map(s -> Math.max(1, s)).orElse(1);
		int size = count.map(c -> parse("count", c)).map(c -> Math.min(Math.max(0, c), MAX_COUNT))
			.orElse(DEFAULT_COUNT);
		return new ListPage(start, size);
	}

	private static int parse(String name, String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw ScimProblem.invalidValue(name + " must be an integer, was \"" + value + "\"");
		}
	}

	/** The page out of a collection in its iteration order, without copying the rest of it. */
	public <T> List<T> slice(java.util.Collection<T> all) {
		return all.stream().skip(startIndex - 1L).limit(count).toList();
	}

	public <T> List<T> slice(List<T> all) {
		int from = Math.min(all.size(), startIndex - 1);
		int to = Math.min(all.size(), from + count);
		return all.subList(from, to);
	}

	public ObjectNode response(int totalResults, List<ObjectNode> resources) {
		ObjectNode body = ScimJson.object();
		body.putArray("schemas").add(ScimMediaTypes.LIST_RESPONSE);
		body.put("totalResults", totalResults);
		body.put("startIndex", startIndex);
		body.put("itemsPerPage", resources.size());
		ArrayNode array = body.putArray("Resources");
		resources.forEach(array::add);
		return body;
	}

}
