package io.spotbridge.ingress.okta;

import java.math.BigDecimal;
import java.math.BigInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses a Python literal (the {@code repr()} of lists, dicts, strings, numbers, {@code None}, {@code True},
 * {@code False}) into a Jackson tree. Some Runscope exports store a step's {@code assertions} (and sometimes
 * {@code variables} or {@code scripts}) as such a string instead of a JSON list. JSON itself is accepted too
 * ({@code null}, {@code true}, {@code false}, double-quoted strings).
 */
final class PythonLiteral {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final String text;

	private int pos;

	private PythonLiteral(String text) {
		this.text = text;
	}

	/**
	 * @param text a Python literal
	 * @return the equivalent JSON tree (tuples become arrays, dict keys become strings)
	 * @throws IllegalArgumentException with the offending position when the text is not a literal
	 */
	static JsonNode parse(String text) {
		PythonLiteral parser = new PythonLiteral(text);
		JsonNode value = parser.value();
		parser.skipBlanks();
		if (parser.pos != text.length()) {
			throw parser.error("unexpected trailing text");
		}
		return value;
	}

	private JsonNode value() {
		skipBlanks();
		if (pos >= text.length()) {
			throw error("unexpected end of literal");
		}
		char c = text.charAt(pos);
		switch (c) {
			case '[':
				return sequence('[', ']');
			case '(':
				return sequence('(', ')');
			case '{':
				return dict();
			case '\'':
			case '"':
				return NODES.stringNode(strings());
			default:
				break;
		}
		if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
			return number();
		}
		if (Character.isLetter(c) || c == '_') {
			int start = pos;
			while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
				pos++;
			}
			String word = text.substring(start, pos);
			if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')
					&& word.matches("(?i)[urb]{1,2}")) {
				pos = start;
				return NODES.stringNode(strings());
			}
			switch (word) {
				case "None":
				case "null":
					return NODES.nullNode();
				case "True":
				case "true":
					return NODES.booleanNode(true);
				case "False":
				case "false":
					return NODES.booleanNode(false);
				default:
					pos = start;
					throw error("unknown name '" + word + "'");
			}
		}
		throw error("unexpected character '" + c + "'");
	}

	private ArrayNode sequence(char open, char close) {
		expect(open);
		ArrayNode array = NODES.arrayNode();
		skipBlanks();
		while (peek() != close) {
			array.add(value());
			skipBlanks();
			if (peek() == ',') {
				pos++;
				skipBlanks();
			}
			else if (peek() != close) {
				throw error("expected ',' or '" + close + "'");
			}
		}
		pos++;
		return array;
	}

	private ObjectNode dict() {
		expect('{');
		ObjectNode object = NODES.objectNode();
		skipBlanks();
		while (peek() != '}') {
			JsonNode key = value();
			if (key.isContainer() || key.isNull()) {
				throw error("unsupported dict key " + key);
			}
			skipBlanks();
			expect(':');
			JsonNode v = value();
			object.set(key.isString() ? key.stringValue() : key.asString(), v);
			skipBlanks();
			if (peek() == ',') {
				pos++;
				skipBlanks();
			}
			else if (peek() != '}') {
				throw error("expected ',' or '}'");
			}
		}
		pos++;
		return object;
	}

	private JsonNode number() {
		int start = pos;
		if (peek() == '-' || peek() == '+') {
			pos++;
		}
		while (pos < text.length() && "0123456789._eE+-".indexOf(text.charAt(pos)) >= 0) {
			char c = text.charAt(pos);
			if ((c == '+' || c == '-') && !(text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')) {
				break;
			}
			pos++;
		}
		String literal = text.substring(start, pos).replace("_", "");
		try {
			if (literal.matches("[+-]?\\d+")) {
				return NODES.numberNode(new BigInteger(literal));
			}
			return NODES.numberNode(new BigDecimal(literal));
		}
		catch (NumberFormatException ex) {
			pos = start;
			throw error("bad number '" + literal + "'");
		}
	}

	/** One string literal, or several adjacent ones (Python concatenates them). */
	private String strings() {
		StringBuilder out = new StringBuilder();
		do {
			string(out);
			int save = pos;
			skipBlanks();
			if (!startsString()) {
				pos = save;
				break;
			}
		}
		while (true);
		return out.toString();
	}

	private boolean startsString() {
		int p = pos;
		while (p < text.length() && p - pos < 2 && "uUrRbB".indexOf(text.charAt(p)) >= 0) {
			p++;
		}
		return p < text.length() && (text.charAt(p) == '\'' || text.charAt(p) == '"');
	}

	private void string(StringBuilder out) {
		boolean raw = false;
		while ("uUrRbB".indexOf(peek()) >= 0) {
			raw |= peek() == 'r' || peek() == 'R';
			pos++;
		}
		char quote = peek();
		boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
		pos += triple ? 3 : 1;
		while (true) {
			if (pos >= text.length()) {
				throw error("unterminated string");
			}
			char c = text.charAt(pos);
			if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
				pos += triple ? 3 : 1;
				return;
			}
			if (c == '\n' && !triple) {
				throw error("newline in string");
			}
			if (c != '\\') {
				out.append(c);
				pos++;
				continue;
			}
			if (pos + 1 >= text.length()) {
				throw error("unterminated escape");
			}
			char e = text.charAt(pos + 1);
			if (raw) {
				out.append(c).append(e);
				pos += 2;
				continue;
			}
			pos += 2;
			switch (e) {
				case '\n':
					break;
				case '\\':
				case '\'':
				case '"':
					out.append(e);
					break;
				case 'n':
					out.append('\n');
					break;
				case 'r':
					out.append('\r');
					break;
				case 't':
					out.append('\t');
					break;
				case 'b':
					out.append('\b');
					break;
				case 'f':
					out.append('\f');
					break;
				case 'v':
					out.append('\u000b');
					break;
				case 'a':
					out.append('\u0007');
					break;
				case '0':
					out.append('\0');
					break;
				case 'x':
					out.appendCodePoint(hex(2));
					break;
				case 'u':
					out.appendCodePoint(hex(4));
					break;
				case 'U':
					out.appendCodePoint(hex(8));
					break;
				default:
					// Python keeps unknown escapes as they are
					out.append('\\').append(e);
			}
		}
	}

	private int hex(int digits) {
		if (pos + digits > text.length()) {
			throw error("truncated escape");
		}
		try {
			int cp = Integer.parseInt(text.substring(pos, pos + digits), 16);
			pos += digits;
			return cp;
		}
		catch (NumberFormatException ex) {
			throw error("bad hex escape");
		}
	}

	private void skipBlanks() {
		while (pos < text.length()) {
			char c = text.charAt(pos);
			if (Character.isWhitespace(c)) {
				pos++;
			}
			else if (c == '#') {
				while (pos < text.length() && text.charAt(pos) != '\n') {
					pos++;
				}
			}
			else {
				return;
			}
		}
	}

	private char peek() {
		if (pos >= text.length()) {
			throw error("unexpected end of literal");
		}
		return text.charAt(pos);
	}

	private void expect(char c) {
		skipBlanks();
		if (peek() != c) {
			throw error("expected '" + c + "'");
		}
		pos++;
	}

	private IllegalArgumentException error(String what) {
		int from = Math.max(0, pos - 20);
		int to = Math.min(text.length(), pos + 20);
		return new IllegalArgumentException("Not a Python literal: " + what + " at offset " + pos + " near '"
				+ text.substring(from, to) + "'");
	}

}
