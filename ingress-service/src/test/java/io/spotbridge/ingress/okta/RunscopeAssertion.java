package io.spotbridge.ingress.okta;

import tools.jackson.databind.JsonNode;

/**
 * One assertion of a Runscope request step: where the actual value comes from ({@code source} and
 * {@code property}), how it is compared ({@code comparison}) and the target {@code value} (a template).
 */
record RunscopeAssertion(String source, String property, String comparison, String value) {

	static RunscopeAssertion from(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("An assertion must be an object, got " + node);
		}
		return new RunscopeAssertion(text(node.get("source")), text(node.get("property")),
				text(node.get("comparison")), text(node.get("value")));
	}

	/** A scalar's text ({@code null} for an absent or null value), a container's JSON. */
	static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

}
