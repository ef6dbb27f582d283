package io.spotbridge.ingress.okta;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Evaluates Runscope assertions and extracts variable values, following Runscope's documented semantics:
 * <ul>
 * <li>sources: {@code response_status}, {@code response_headers} (property = header name, case-insensitive,
 * repeated values joined with ", "), {@code response_json} (property = {@link JsonPropertyPath}),
 * {@code response_xml} (property = XPath), {@code response_text} (the body), {@code response_time}
 * (milliseconds), {@code response_size} (body bytes);</li>
 * <li>{@code equal} / {@code not_equal}: case-sensitive comparison of the actual value cast to a string (JSON
 * {@code true} is "true", {@code 401} is "401", a string is its content);</li>
 * <li>{@code empty} / {@code not_empty}: the value must exist; empty means null, "", [] or {} ({@code false} and
 * {@code 0} are values);</li>
 * <li>{@code contains} / {@code does_not_contain}: substring of a scalar's text; for a list, an element equal to
 * the target; for a dictionary, a key equal to the target;</li>
 * <li>{@code has_key}: a dictionary with that key; {@code has_value}: a list or dictionary holding that value;</li>
 * <li>{@code is_null}: JSON null or absent; {@code is_a_number}: a number or a string castable to one;</li>
 * <li>{@code equal_number}, {@code is_less_than}, {@code is_less_than_or_equal}, {@code is_greater_than},
 * {@code is_greater_than_or_equal}: numeric comparisons of the values cast to numbers ("1.0" equals 1).</li>
 * </ul>
 * A missing value fails every comparison except {@code not_equal}, {@code does_not_contain} and {@code is_null}.
 * An unknown comparison or source fails the assertion.
 */
final class AssertionEvaluator {

	static final Set<String> COMPARISONS = Set.of("equal", "not_equal", "empty", "not_empty", "contains",
			"does_not_contain", "has_key", "has_value", "is_null", "is_a_number", "equal_number", "is_less_than",
			"is_less_than_or_equal", "is_greater_than", "is_greater_than_or_equal");

	static final Set<String> SOURCES = Set.of("response_status", "response_headers", "response_json",
			"response_xml", "response_text", "response_time", "response_size");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final int SHOWN = 300;

	private AssertionEvaluator() {
	}

	/** The value an assertion or a variable reads: a node, absent, or a reason it could not be read. */
	record Actual(JsonNode node, String problem) {

		static Actual missing() {
			return new Actual(null, null);
		}

		boolean present() {
			return this.node != null;
		}

		String shown() {
			if (this.problem != null) {
				return "(" + this.problem + ")";
			}
			if (this.node == null) {
				return "(missing)";
			}
			return abbreviate(this.node.toString());
		}

	}

	static Actual extract(String source, String property, StepResponse response) {
		String prop = property == null ? "" : property.trim();
		if (source == null) {
			return new Actual(null, "assertion has no source");
		}
		switch (source) {
			case "response_status":
				return new Actual(NODES.numberNode(response.status()), null);
			case "response_time":
				return new Actual(NODES.numberNode(response.responseTimeMs()), null);
			case "response_size":
				return new Actual(NODES.numberNode(response.sizeBytes()), null);
			case "response_text":
				return new Actual(NODES.stringNode(response.text()), null);
			case "response_headers": {
				if (prop.isEmpty()) {
					return new Actual(null, "response_headers needs a header name as property");
				}
				String value = response.header(prop);
				return value == null ? Actual.missing() : new Actual(NODES.stringNode(value), null);
			}
			case "response_json": {
				JsonNode body = response.json();
				if (body == null) {
					return new Actual(null, response.jsonProblem());
				}
				try {
					return JsonPropertyPath.parse(prop).resolve(body).map(n -> new Actual(n, null))
						.orElseGet(Actual::missing);
				}
				catch (IllegalArgumentException ex) {
					return new Actual(null, ex.getMessage());
				}
			}
			case "response_xml":
				return xpath(prop, response.text());
			default:
				return new Actual(null, "unsupported source '" + source + "'");
		}
	}

	static SuiteReport.AssertionResult evaluate(RunscopeAssertion assertion, String expected, StepResponse response) {
		String description = describe(assertion, expected);
		Actual actual = extract(assertion.source(), assertion.property(), response);
		String comparison = assertion.comparison() == null ? "" : assertion.comparison();
		if (actual.problem() != null) {
			return new SuiteReport.AssertionResult(description, false, actual.shown(), expected, null);
		}
		Verdict verdict;
		try {
			verdict = compare(comparison, actual, expected);
		}
		catch (RuntimeException ex) {
			verdict = new Verdict(false, "comparison failed: " + ex);
		}
		return new SuiteReport.AssertionResult(description, verdict.passed(), actual.shown(), expected,
				verdict.message());
	}

	static String describe(RunscopeAssertion assertion, String expected) {
		StringBuilder d = new StringBuilder(String.valueOf(assertion.source()));
		if (assertion.property() != null && !assertion.property().isEmpty()) {
			d.append(" '").append(assertion.property()).append('\'');
		}
		d.append(' ').append(assertion.comparison());
		if (expected != null) {
			d.append(" '").append(abbreviate(expected)).append('\'');
		}
		return d.toString();
	}

	private record Verdict(boolean passed, String message) {

		static Verdict of(boolean passed) {
			return new Verdict(passed, null);
		}

	}

	private static Verdict compare(String comparison, Actual actual, String expected) {
		JsonNode node = actual.node();
		switch (comparison) {
			case "not_equal":
				return Verdict.of(!actual.present() || !text(node).equals(String.valueOf(expected)));
			case "does_not_contain":
				return Verdict.of(!actual.present() || !contains(node, String.valueOf(expected)));
			case "is_null":
				return Verdict.of(!actual.present() || node.isNull());
			default:
				break;
		}
		if (!COMPARISONS.contains(comparison)) {
			return new Verdict(false, "unsupported comparison '" + comparison + "'");
		}
		if (!actual.present()) {
			return new Verdict(false, "no such value");
		}
		switch (comparison) {
			case "equal":
				return Verdict.of(text(node).equals(String.valueOf(expected)));
			case "empty":
				return Verdict.of(isEmpty(node));
			case "not_empty":
				return Verdict.of(!isEmpty(node));
			case "contains":
				return Verdict.of(contains(node, String.valueOf(expected)));
			case "has_key":
				return node.isObject() ? Verdict.of(node.has(String.valueOf(expected)))
						: new Verdict(false, "not a dictionary");
			case "has_value":
				return hasValue(node, String.valueOf(expected));
			case "is_a_number":
				return Verdict.of(number(node).isPresent());
			default:
				return numeric(comparison, node, expected);
		}
	}

	private static Verdict numeric(String comparison, JsonNode node, String expected) {
		Optional<BigDecimal> actual = number(node);
		if (actual.isEmpty()) {
			return new Verdict(false, "actual value is not a number");
		}
		BigDecimal target;
		try {
			target = new BigDecimal(String.valueOf(expected).trim());
		}
		catch (NumberFormatException ex) {
			return new Verdict(false, "target value '" + expected + "' is not a number");
		}
		int c = actual.get().compareTo(target);
		switch (comparison) {
			case "equal_number":
				return Verdict.of(c == 0);
			case "is_less_than":
				return Verdict.of(c < 0);
			case "is_less_than_or_equal":
				return Verdict.of(c <= 0);
			case "is_greater_than":
				return Verdict.of(c > 0);
			case "is_greater_than_or_equal":
				return Verdict.of(c >= 0);
			default:
				return new Verdict(false, "unsupported comparison '" + comparison + "'");
		}
	}

	/** The value cast to a string, as Runscope compares it. */
	static String text(JsonNode node) {
		if (node == null) {
			return "";
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNull()) {
			return "null";
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	static Optional<BigDecimal> number(JsonNode node) {
		if (node == null) {
			return Optional.empty();
		}
		if (node.isNumber()) {
			return Optional.of(node.asDecimal());
		}
		if (node.isString()) {
			String s = node.stringValue().trim();
			if (!s.isEmpty() && s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
				return Optional.of(new BigDecimal(s));
			}
		}
		return Optional.empty();
	}

	private static boolean isEmpty(JsonNode node) {
		if (node.isNull()) {
			return true;
		}
		if (node.isString()) {
			return node.stringValue().isEmpty();
		}
		return node.isContainer() && node.isEmpty();
	}

	private static boolean contains(JsonNode node, String expected) {
		if (node.isArray()) {
			for (JsonNode element : node) {
				if (text(element).equals(expected)) {
					return true;
				}
			}
			return false;
		}
		if (node.isObject()) {
			return node.has(expected);
		}
		return text(node).contains(expected);
	}

	private static Verdict hasValue(JsonNode node, String expected) {
		if (!node.isContainer()) {
			return new Verdict(false, "not a list or dictionary");
		}
		Iterator<JsonNode> values = node.isArray() ? node.iterator() : node.values().iterator();
		while (values.hasNext()) {
			JsonNode value = values.next();
			if (value.isValueNode() && text(value).equals(expected)) {
				return Verdict.of(true);
			}
		}
		return Verdict.of(false);
	}

	private static Actual xpath(String expression, String body) {
		if (expression.isEmpty()) {
			return new Actual(null, "response_xml needs an XPath as property");
		}
		Document document;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
		}
		catch (Exception ex) {
			return new Actual(null, "response body is not XML: " + ex.getMessage());
		}
		try {
			var xpath = XPathFactory.newInstance().newXPath();
			try {
				NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
				return nodes.getLength() == 0 ? Actual.missing()
						: new Actual(NODES.stringNode(nodes.item(0).getTextContent()), null);
			}
			catch (XPathExpressionException notNodes) {
				return new Actual(NODES.stringNode((String) xpath.evaluate(expression, document,
						XPathConstants.STRING)), null);
			}
		}
		catch (XPathExpressionException ex) {
			return new Actual(null, "bad XPath '" + expression + "': " + ex.getMessage());
		}
	}

	static String abbreviate(String s) {
		if (s == null) {
			return null;
		}
		return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "...(" + s.length() + " chars)";
	}

}
