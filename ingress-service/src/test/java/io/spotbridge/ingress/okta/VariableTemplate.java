package io.spotbridge.ingress.okta;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runscope's {@code {{name}}} templating. Every placeholder must resolve: an unknown name throws
 * {@link UndefinedVariableException} listing all unknown names of the text, never a silent blank.
 */
final class VariableTemplate {

	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

	private VariableTemplate() {
	}

	/** The variable names used by {@code text}, in order of first use. */
	static Set<String> names(String text) {
		Set<String> names = new LinkedHashSet<>();
		if (text != null) {
			Matcher m = PLACEHOLDER.matcher(text);
			while (m.find()) {
				names.add(m.group(1));
			}
		}
		return names;
	}

	/**
	 * @param text the template ({@code null} gives {@code null})
	 * @param lookup a variable's value, or {@code null} when undefined
	 * @param where what is being rendered, for the error message
	 */
	static String render(String text, Function<String, String> lookup, String where) {
		if (text == null || text.indexOf("{{") < 0) {
			return text;
		}
		Set<String> undefined = new LinkedHashSet<>();
		StringBuilder out = new StringBuilder();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			String value = lookup.apply(m.group(1));
			if (value == null) {
				undefined.add(m.group(1));
				value = "";
			}
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		if (!undefined.isEmpty()) {
			throw new UndefinedVariableException("Undefined variable" + (undefined.size() > 1 ? "s " : " ")
					+ placeholders(undefined) + " in " + where, undefined);
		}
		return out.toString();
	}

	static String placeholders(Set<String> names) {
		StringBuilder out = new StringBuilder();
		for (String name : names) {
			out.append(out.length() == 0 ? "" : ", ").append("{{").append(name).append("}}");
		}
		return out.toString();
	}

}
