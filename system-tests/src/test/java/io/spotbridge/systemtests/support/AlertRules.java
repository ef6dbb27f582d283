package io.spotbridge.systemtests.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/** The Prometheus rule files under {@code deploy/prometheus/rules} and the promtool unit tests under {@code tests}. */
public final class AlertRules {

	private AlertRules() {
	}

	/** One rule: an alert (name set) or a recording rule (record set). */
	public record Rule(Path file, String group, String alert, String record, String expr, String forDuration,
			Map<String, Object> labels, Map<String, Object> annotations) {

		public String name() {
			return alert != null ? alert : record;
		}

		public boolean isAlert() {
			return alert != null;
		}

	}

	public static List<Path> ruleFiles() {
		return yamlFiles(Repository.prometheusDir().resolve("rules"));
	}

	public static List<Path> testFiles() {
		return yamlFiles(Repository.prometheusDir().resolve("tests"));
	}

	public static List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		for (Path file : ruleFiles()) {
			for (Map<String, Object> group : list(load(file).get("groups"))) {
				for (Map<String, Object> rule : list(group.get("rules"))) {
					rules.add(new Rule(file, (String) group.get("name"), (String) rule.get("alert"),
							(String) rule.get("record"), String.valueOf(rule.get("expr")),
							rule.get("for") == null ? null : String.valueOf(rule.get("for")), map(rule.get("labels")),
							map(rule.get("annotations"))));
				}
			}
		}
		return rules;
	}

	/** The alert_rule_test entries of every promtool test file: alert name and whether alerts were expected. */
	public record AlertExpectation(Path file, String test, String alertname, String evalTime, boolean expectsAlerts) {
	}

	public static List<AlertExpectation> alertExpectations() {
		List<AlertExpectation> expectations = new ArrayList<>();
		for (Path file : testFiles()) {
			for (Map<String, Object> test : list(load(file).get("tests"))) {
				for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
					Object expected = check.get("exp_alerts");
					boolean expectsAlerts = expected instanceof List<?> alerts && !alerts.isEmpty();
					expectations.add(new AlertExpectation(file, String.valueOf(test.get("name")),
							String.valueOf(check.get("alertname")), String.valueOf(check.get("eval_time")),
							expectsAlerts));
				}
			}
		}
		return expectations;
	}

	public static Map<String, Object> load(Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			Map<String, Object> yaml = new Yaml().load(reader);
			return yaml == null ? Map.of() : yaml;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> yamlFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object value) {
		return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

}
