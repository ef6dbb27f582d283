package io.spotbridge.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.spotbridge.simulator.SpotSimulator;
import io.spotbridge.systemtests.support.AlertRules;
import io.spotbridge.systemtests.support.ChildProcess;
import io.spotbridge.systemtests.support.Dashboard;
import io.spotbridge.systemtests.support.Http;
import io.spotbridge.systemtests.support.PrometheusServer;
import io.spotbridge.systemtests.support.Repository;
import io.spotbridge.systemtests.support.ScimClient;
import io.spotbridge.systemtests.support.ServiceJvm;
import io.spotbridge.testkit.StandaloneKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole bridge on 127.0.0.1 — a Kafka broker (child JVM), the Spot simulator, the ingress and worker exec jars
 * (child JVMs) and a real Prometheus running {@code deploy/prometheus} — after a small provisioning run over SCIM:
 * every PromQL expression of the Grafana dashboard and the alert rules must parse, and every dashboard panel must
 * return data. Skipped when {@code prometheus} is not on the PATH or the exec jars are not built.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DashboardQueriesIT {

	private static final String TENANT = "default";

	private static final String TOKEN = "system-test-" + UUID.randomUUID();

	private static final Duration STARTUP = Duration.ofMinutes(5);

	private final List<AutoCloseable> running = new ArrayList<>();

	private PrometheusServer prometheus;

	private Dashboard dashboard;

	private Path work;

	private Path logs;

	private StandaloneKafkaBroker broker;

	/** Why the stack cannot run here (each test is then skipped with this message), or null. */
	private String skipReason;

	@BeforeAll
	@Timeout(value = 15, unit = TimeUnit.MINUTES)
	void startTheStackAndProvision() throws IOException {
		Path prometheusBinary = Repository.onPath("prometheus").orElse(null);
		Path ingressJar = Repository.execJar("ingress", "ingress-service");
		Path workerJar = Repository.execJar("worker", "provisioner-worker");
		if (prometheusBinary == null) {
			skipReason = "prometheus is not on the PATH: install the Debian package 'prometheus' (.ci/run does) to run"
					+ " the dashboard and alert queries against a real Prometheus";
		}
		for (Path jar : List.of(ingressJar, workerJar)) {
			if (skipReason == null && !Files.isRegularFile(jar)) {
				skipReason = jar + " is not built: run ./mvnw -B -pl ingress-service,provisioner-worker -am -DskipTests"
						+ " package (./mvnw -B verify builds it before this module)";
			}
		}
		if (skipReason != null) {
			System.out.println("DashboardQueriesIT skipped: " + skipReason);
			return;
		}
		dashboard = Dashboard.read(Repository.dashboard());
		work = Files.createTempDirectory("bridge-system-test-");
		logs = Files.createDirectories(Path.of(System.getProperty("bridge.logs", work.resolve("logs").toString())));
		System.out.println("DashboardQueriesIT: child process logs in " + logs);

		broker = StandaloneKafkaBroker.builder()
			.maxHeap("384m")
			.startupTimeout(STARTUP)
			.dataDir(work.resolve("kafka"))
			.deleteDataDirOnClose(false)
			.build();
		running.add(broker);
		broker.start();
		SpotSimulator spot = SpotSimulator.start(0);
		running.add(spot);

		int scimPort = Http.freePort();
		int ingressManagement = Http.freePort();
		int workerManagement = Http.freePort();
		Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "SPOT_TOKEN", TOKEN,
				"BIND_ADDRESS", "127.0.0.1");
		ChildProcess ingress = ServiceJvm.start("ingress", ingressJar,
				with(common, Map.of("SCIM_PORT", Integer.toString(scimPort), "INGRESS_MANAGEMENT_PORT",
						Integer.toString(ingressManagement))),
				work, logs);
		running.add(ingress);
		ChildProcess worker = ServiceJvm.start("worker", workerJar,
				with(common, Map.of("SPOT_API_URL", spot.baseUrl(), "WORKER_PORT", Integer.toString(Http.freePort()),
						"WORKER_MANAGEMENT_PORT", Integer.toString(workerManagement))),
				work, logs);
		running.add(worker);
		prometheus = PrometheusServer.start(prometheusBinary,
				Map.of("ingress-service", ingressManagement, "provisioner-worker", workerManagement), Http.freePort(),
				work.resolve("prometheus"), logs);
		running.add(prometheus);
		ServiceJvm.awaitReady(ingress, ingressManagement, STARTUP);
		ServiceJvm.awaitReady(worker, workerManagement, STARTUP);

		provision(new ScimClient("http://127.0.0.1:" + scimPort + "/scim/v2", TOKEN), spot);
	}

	/**
	 * Creates Viewers and Editors, one user Spot rejects (dead letter), deactivates two, reactivates one, pushes a
	 * group, and makes Okta's usual lookups (one 404); waits for each step in Prometheus, so that every outcome and
	 * event type the dashboard shows has been scraped.
	 */
	private void provision(ScimClient scim, SpotSimulator spot) {
		Http.Answer faults = Http.send(HttpRequest.newBuilder(URI.create(spot.baseUrl() + "/simulator/faults"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"rejectEmailsMatching\":\"^rejected[.]\"}")));
		assertThat(faults.status()).as(faults.body()).isEqualTo(200);

		assertThat(scim.findByUserName("alice.viewer@example.com")).isEqualTo(200);
		String alice = scim.createUser("alice.viewer@example.com", "Alice", "Viewer", "Viewer");
		String bob = scim.createUser("bob.editor@example.com", "Bob", "Editor", "Editor");
		String carol = scim.createUser("carol.viewer@example.com", "Carol", "Viewer", "Viewer");
		String dave = scim.createUser("dave.editor@example.com", "Dave", "Editor", "Editor");
		scim.createUser("rejected.erin@example.com", "Erin", "Rejected", "Viewer");
		scim.createGroup("Spot operators", List.of(alice, bob));
		assertThat(scim.get("/Users/" + UUID.randomUUID())).isEqualTo(404);
		awaitInPrometheus("users created in Spot and one dead letter",
				"sum(bridge_worker_events_processed_total{outcome=\"applied\", type=\"UserCreated\"})", 4);
		awaitInPrometheus("the rejected user dead-lettered",
				"sum(bridge_worker_events_processed_total{outcome=\"dead-lettered\"})", 1);

		scim.setActive(carol, false);
		scim.setActive(dave, false);
		awaitInPrometheus("deactivations applied",
				"sum(bridge_worker_events_processed_total{outcome=\"applied\", type=\"UserDeactivated\"})", 2);
		scim.setActive(dave, true);
		awaitInPrometheus("reactivation applied",
				"sum(bridge_worker_events_processed_total{outcome=\"applied\", type=\"UserReactivated\"})", 1);
		awaitInPrometheus("directory size scraped", "sum(bridge_ingress_directory_groups{tenant=\"" + TENANT + "\"})",
				1);
		// Micrometer binds Kafka client metrics that appear later (a partition's lag, after its first records) once
		// a minute
		awaitInPrometheus("the consumer's per-partition lag gauges",
				"count(kafka_consumer_fetch_manager_records_lag{application=\"provisioner-worker\","
						+ " topic=\"scim.user-events\"})",
				1);
		// a few more scrapes after the last change, so that every rate() window holds samples after it
		Instant settled = Instant.now().plusSeconds(3);
		await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(settled));
	}

	@BeforeEach
	void skipWithoutPrometheusOrExecJars() {
		assumeTrue(skipReason == null, skipReason);
	}

	private void awaitInPrometheus(String what, String promql, double atLeast) {
		await(what).atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> prometheus.value(promql) >= atLeast);
	}

	@AfterAll
	void stopEverything() {
		for (int i = running.size() - 1; i >= 0; i--) {
			try {
				running.get(i).close();
			}
			catch (Exception ex) {
				System.err.println("Could not stop " + running.get(i) + ": " + ex);
			}
		}
		if (broker != null) {
			try {
				Files.copy(broker.logFile(), logs.resolve("kafka.log"), StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException | RuntimeException ex) {
				System.err.println("Could not keep the broker log: " + ex);
			}
		}
		if (work != null) {
			deleteQuietly(work);
		}
	}

	@Test
	void everyDashboardAndAlertExpressionParses() {
		List<String> problems = new ArrayList<>();
		for (Dashboard.Panel panel : dashboard.panels()) {
			for (Dashboard.Query query : panel.queries()) {
				for (String tenant : List.of(".*", TENANT)) {
					String expr = Dashboard.substitute(query.expr(), tenant);
					JsonNode answer = prometheus.query(expr);
					if (!"success".equals(answer.path("status").asString(""))) {
						problems.add(panel.describe() + " " + query.refId() + ": " + answer.path("error").asString("")
								+ "\n    " + expr);
					}
				}
			}
		}
		List<AlertRules.Rule> rules = AlertRules.rules();
		for (AlertRules.Rule rule : rules) {
			JsonNode answer = prometheus.query(rule.expr());
			if (!"success".equals(answer.path("status").asString(""))) {
				problems.add("rule " + rule.name() + ": " + answer.path("error").asString("") + "\n    " + rule.expr());
			}
		}
		assertThat(rules).isNotEmpty();
		assertThat(problems).as("expressions Prometheus rejects").isEmpty();
	}

	@Test
	void everyDashboardPanelReturnsDataForAllTenantsAndForOne() {
		List<String> empty = new ArrayList<>();
		List<Dashboard.Panel> panels = dashboard.panels();
		for (Dashboard.Panel panel : panels) {
			assertThat(panel.queries()).as(panel.describe() + " has queries").isNotEmpty();
			for (Dashboard.Query query : panel.queries()) {
				for (String tenant : List.of(".*", TENANT)) {
					String expr = Dashboard.substitute(query.expr(), tenant);
					int series = prometheus.resultSize(expr);
					if (series <= 0) {
						String problem = series < 0 ? "error " + prometheus.query(expr).path("error").asString("")
								: "no data";
						empty.add(panel.describe() + " " + query.refId() + " (tenant " + tenant + "): " + problem
								+ "\n    " + expr);
					}
				}
			}
		}
		assertThat(panels).hasSizeGreaterThan(10);
		assertThat(empty).as("dashboard queries without data after the provisioning run").isEmpty();
	}

	@Test
	void theTenantVariableListsTheTenant() {
		Dashboard.LabelValuesVariable tenant = dashboard.labelValuesVariable("tenant").orElseThrow();
		assertThat(tenant.allValue()).isEqualTo(".*");
		JsonNode values = prometheus
			.get("/api/v1/label/" + tenant.label() + "/values?match[]=" + PrometheusServer.encode(tenant.selector()));
		Set<String> names = new TreeSet<>();
		values.path("data").forEach(value -> names.add(value.asString("")));
		assertThat(names).contains(TENANT).doesNotContain("none", "unknown");
	}

	@Test
	void prometheusScrapesBothServicesAndEvaluatesEveryAlertRule() {
		JsonNode targets = prometheus.get("/api/v1/targets?state=active").path("data").path("activeTargets");
		Set<String> up = new TreeSet<>();
		targets.forEach(target -> {
			if ("up".equals(target.path("health").asString(""))) {
				up.add(target.path("labels").path("job").asString(""));
			}
		});
		assertThat(up).containsExactlyInAnyOrder("ingress-service", "provisioner-worker");

		Set<String> expected = new TreeSet<>();
		AlertRules.rules().forEach(rule -> expected.add(rule.name()));
		await("every rule evaluated").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				Map<String, String> health = new TreeMap<>();
				prometheus.get("/api/v1/rules").path("data").path("groups").forEach(group -> group.path("rules")
					.forEach(rule -> health.put(rule.path("name").asString(""),
							rule.path("health").asString("") + " " + rule.path("lastError").asString(""))));
				assertThat(health.keySet()).isEqualTo(expected);
				assertThat(health).allSatisfy((name, state) -> assertThat(state.trim()).as(name).isEqualTo("ok"));
			});
	}

	private static Map<String, String> with(Map<String, String> base, Map<String, String> extra) {
		Map<String, String> all = new HashMap<>(base);
		all.putAll(extra);
		return all;
	}

	private static void deleteQuietly(Path dir) {
		try (var paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					// best effort: a temporary directory
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// best effort
		}
	}

}
