package io.spotbridge.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.spotbridge.systemtests.support.AlertRules;
import io.spotbridge.systemtests.support.Dashboard;
import io.spotbridge.systemtests.support.Repository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consistency of the operations files without running anything: alert rules (severity, for, annotations, a unit test
 * that fires and one that does not), the dashboard (datasource, tenant variable), the Grafana provisioning and
 * docker-compose mounts, and the metrics catalogue naming every metric the dashboard and the rules use.
 */
class OperationsFilesTest {

	private static final Pattern BRIDGE_METRIC = Pattern.compile("\\b(bridge_[a-z0-9_]+)");

	private static final Pattern HISTOGRAM_SUFFIX = Pattern.compile("_(bucket|count|sum|max)$");

	@Test
	void everyAlertHasForSeveritySummaryDescriptionAndRunbook() {
		List<AlertRules.Rule> alerts = AlertRules.rules().stream().filter(AlertRules.Rule::isAlert).toList();
		assertThat(alerts).hasSizeGreaterThanOrEqualTo(8);
		assertThat(alerts).allSatisfy(alert -> {
			assertThat(alert.forDuration()).as(alert.name() + " for").isNotBlank();
			assertThat(alert.labels().get("severity")).as(alert.name() + " severity").isIn("critical", "warning");
			assertThat(alert.annotations()).as(alert.name() + " annotations")
				.containsKeys("summary", "description", "runbook");
			assertThat(String.valueOf(alert.annotations().get("runbook"))).as(alert.name() + " runbook")
				.startsWith("docs/METRICS.md#" + alert.name().toLowerCase(Locale.ROOT) + ":");
		});
	}

	@Test
	void theRequiredAlertsExist() {
		Set<String> names = new TreeSet<>();
		AlertRules.rules().forEach(rule -> names.add(rule.name()));
		assertThat(names).contains("BridgeTargetDown", "BridgeIngressHigh5xxRatio", "BridgeDeadLettersGrowing",
				"BridgeSpotBreakerOpen", "BridgeSpotCredentialsRejected", "BridgeConsumerLagHigh",
				"BridgeOldestUnappliedEventTooOld", "BridgeDeactivationSlow");
	}

	@Test
	void everyAlertHasUnitTestsThatFireItAndThatDoNot() {
		List<AlertRules.AlertExpectation> expectations = AlertRules.alertExpectations();
		assertThat(AlertRules.rules().stream().filter(AlertRules.Rule::isAlert)).allSatisfy(alert -> {
			assertThat(expectations).as(alert.name() + " has a promtool test where it fires")
				.anyMatch(e -> e.alertname().equals(alert.name()) && e.expectsAlerts());
			assertThat(expectations).as(alert.name() + " has a promtool test where it does not fire")
				.anyMatch(e -> e.alertname().equals(alert.name()) && !e.expectsAlerts());
		});
	}

	@Test
	void everyRunbookPointsToASectionOfTheMetricsCatalogue() throws IOException {
		Set<String> anchors = new TreeSet<>();
		for (String line : Files.readAllLines(Repository.metricsCatalogue())) {
			if (line.startsWith("#")) {
				anchors.add(line.replaceFirst("^#+\\s*", "")
					.toLowerCase(Locale.ROOT)
					.replaceAll("[^a-z0-9 _-]", "")
					.replace(' ', '-'));
			}
		}
		assertThat(AlertRules.rules().stream().filter(AlertRules.Rule::isAlert)).allSatisfy(alert -> {
			String runbook = String.valueOf(alert.annotations().get("runbook"));
			assertThat(runbook).as(alert.name() + " runbook").matches("docs/METRICS\\.md#[a-z0-9-]+: .+");
			String anchor = runbook.substring(runbook.indexOf('#') + 1, runbook.indexOf(':'));
			assertThat(anchors).as(alert.name() + " runbook section").contains(anchor);
		});
	}

	@Test
	void everyBridgeMetricTheDashboardOrTheRulesUseIsCatalogued() throws IOException {
		String catalogue = Files.readString(Repository.metricsCatalogue());
		Set<String> used = new TreeSet<>();
		Dashboard.read(Repository.dashboard())
			.panels()
			.forEach(panel -> panel.queries().forEach(query -> used.addAll(bridgeMetrics(query.expr()))));
		AlertRules.rules().forEach(rule -> used.addAll(bridgeMetrics(rule.expr())));
		assertThat(used).isNotEmpty();
		assertThat(used).allSatisfy(metric -> assertThat(catalogue).as("docs/METRICS.md mentions " + metric)
			.contains("`" + metric));
	}

	@Test
	void everyPanelQueriesTheProvisionedDatasourceAndTheTenantVariableOffersAll() {
		Map<String, Object> provisioning = AlertRules
			.load(Repository.grafanaDir().resolve("provisioning/datasources/prometheus.yml"));
		@SuppressWarnings("unchecked")
		Map<String, Object> datasource = ((List<Map<String, Object>>) provisioning.get("datasources")).get(0);
		String uid = String.valueOf(datasource.get("uid"));
		assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");

		Dashboard dashboard = Dashboard.read(Repository.dashboard());
		assertThat(dashboard.panels()).allSatisfy(panel -> {
			assertThat(panel.datasourceUid()).as(panel.describe()).isEqualTo(uid);
			assertThat(panel.queries()).as(panel.describe()).isNotEmpty().allSatisfy(query -> {
				assertThat(query.datasourceUid()).as(panel.describe()).isEqualTo(uid);
				assertThat(query.expr()).as(panel.describe()).isNotBlank();
			});
		});
		assertThat(dashboard.panels().stream().map(Dashboard.Panel::id)).doesNotHaveDuplicates();
		Dashboard.LabelValuesVariable tenant = dashboard.labelValuesVariable("tenant").orElseThrow();
		assertThat(tenant.allValue()).isEqualTo(".*");
		assertThat(dashboard.json().path("uid").asString("")).isNotBlank();
	}

	@Test
	void dockerComposeMountsWhatGrafanaAndPrometheusRead() {
		Map<String, Object> compose = AlertRules.load(Repository.root().resolve("docker-compose.yml"));
		Map<String, Object> services = map(compose.get("services"));
		List<?> prometheusVolumes = (List<?>) map(services.get("prometheus")).get("volumes");
		List<?> grafanaVolumes = (List<?>) map(services.get("grafana")).get("volumes");
		assertThat(prometheusVolumes).anySatisfy(volume -> assertThat(String.valueOf(volume))
			.startsWith("./deploy/prometheus:/etc/prometheus"));
		assertThat(grafanaVolumes).anySatisfy(volume -> assertThat(String.valueOf(volume))
			.startsWith("./deploy/grafana/provisioning:/etc/grafana/provisioning"));

		Map<String, Object> providers = AlertRules
			.load(Repository.grafanaDir().resolve("provisioning/dashboards/bridge.yml"));
		@SuppressWarnings("unchecked")
		Map<String, Object> provider = ((List<Map<String, Object>>) providers.get("providers")).get(0);
		String dashboardsPath = String.valueOf(map(provider.get("options")).get("path"));
		assertThat(grafanaVolumes).anySatisfy(volume -> assertThat(String.valueOf(volume))
			.startsWith("./deploy/grafana/dashboards:" + dashboardsPath));

		Map<String, Object> prometheusConfig = AlertRules.load(Repository.prometheusDir().resolve("prometheus.yml"));
		Set<String> targets = new TreeSet<>();
		for (Map<String, Object> job : list(prometheusConfig.get("scrape_configs"))) {
			assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
			list(job.get("static_configs")).forEach(config -> ((List<?>) config.get("targets"))
				.forEach(target -> targets.add(String.valueOf(target))));
		}
		assertThat(targets).containsExactlyInAnyOrder("ingress:9080", "worker:9081");
		assertThat(services).containsKeys("ingress", "worker");
	}

	private static Set<String> bridgeMetrics(String expr) {
		Set<String> metrics = new TreeSet<>();
		Matcher matcher = BRIDGE_METRIC.matcher(expr);
		while (matcher.find()) {
			metrics.add(HISTOGRAM_SUFFIX.matcher(matcher.group(1)).replaceFirst(""));
		}
		return metrics;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
	}

}
