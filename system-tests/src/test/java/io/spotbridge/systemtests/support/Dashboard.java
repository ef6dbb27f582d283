package io.spotbridge.systemtests.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Grafana dashboard JSON: its panels, their PromQL queries and the template variables. */
public final class Dashboard {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern LABEL_VALUES = Pattern
		.compile("^\\s*label_values\\((.*),\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$");

	private final JsonNode root;

	private Dashboard(JsonNode root) {
		this.root = root;
	}

	public static Dashboard read(Path file) {
		return new Dashboard(JSON.readTree(file.toFile()));
	}

	public JsonNode json() {
		return root;
	}

	/** One query of a panel. */
	public record Query(String refId, String expr, String datasourceUid) {
	}

	/** A panel that shows data (rows are left out; panels nested in collapsed rows are included). */
	public record Panel(int id, String title, String type, String datasourceUid, List<Query> queries) {

		public String describe() {
			return "panel " + id + " \"" + title + "\"";
		}

	}

	/** A {@code label_values(selector, label)} template variable. */
	public record LabelValuesVariable(String name, String selector, String label, String allValue) {
	}

	public List<Panel> panels() {
		List<Panel> panels = new ArrayList<>();
		collect(root.path("panels"), panels);
		return panels;
	}

	private static void collect(JsonNode nodes, List<Panel> into) {
		for (JsonNode node : nodes) {
			if ("row".equals(node.path("type").asString(""))) {
				collect(node.path("panels"), into);
				continue;
			}
			List<Query> queries = new ArrayList<>();
			for (JsonNode target : node.path("targets")) {
				queries.add(new Query(target.path("refId").asString(""), target.path("expr").asString(""),
						target.path("datasource").path("uid").asString("")));
			}
			into.add(new Panel(node.path("id").asInt(-1), node.path("title").asString(""),
					node.path("type").asString(""), node.path("datasource").path("uid").asString(""), queries));
		}
	}

	public Optional<LabelValuesVariable> labelValuesVariable(String name) {
		for (JsonNode variable : root.path("templating").path("list")) {
			if (!name.equals(variable.path("name").asString(""))) {
				continue;
			}
			JsonNode query = variable.path("query");
			String text = query.isObject() ? query.path("query").asString("") : query.asString("");
			Matcher matcher = LABEL_VALUES.matcher(text);
			if (matcher.matches()) {
				return Optional.of(new LabelValuesVariable(name, matcher.group(1).trim(), matcher.group(2),
						variable.path("allValue").asString("")));
			}
		}
		return Optional.empty();
	}

	/**
	 * The query as Prometheus would get it from Grafana: {@code $tenant} (also {@code ${tenant}} and
	 * {@code ${tenant:regex}}) replaced by {@code tenantRegex}, the interval variables by fixed durations.
	 */
	public static String substitute(String expr, String tenantRegex) {
		return expr.replaceAll("\\$\\{tenant(:[a-z]+)?}", Matcher.quoteReplacement(tenantRegex))
			.replace("$tenant", tenantRegex)
			.replace("${__rate_interval}", "1m")
			.replace("$__rate_interval", "1m")
			.replace("${__interval}", "15s")
			.replace("$__interval", "15s")
			.replace("${__range}", "1h")
			.replace("$__range", "1h");
	}

}
