package io.spotbridge.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus process running the project's {@code deploy/prometheus/prometheus.yml} with only what a test must
 * change: each job's targets point at {@code 127.0.0.1:<port>}, scrapes and rule evaluations happen every second, and
 * the rule files are referenced by absolute path. Job names, metrics paths, labels and rules stay as deployed.
 */
public final class PrometheusServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChildProcess process;

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private PrometheusServer(ChildProcess process, String baseUrl) {
		this.process = process;
		this.baseUrl = baseUrl;
	}

	/**
	 * Starts Prometheus on {@code 127.0.0.1:port} with the deployed configuration, the targets of each job replaced by
	 * the local port in {@code jobPorts}; fails if the deployed configuration has a job without a port here.
	 */
	public static PrometheusServer start(Path binary, Map<String, Integer> jobPorts, int port, Path workDir,
			Path logDir) {
		Path config = writeConfig(jobPorts, workDir);
		List<String> command = List.of(binary.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
				"--log.level=warn");
		ChildProcess process = ChildProcess.start("prometheus", command, Map.of(), workDir,
				logDir.resolve("prometheus.log"));
		PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port);
		try {
			await("Prometheus ready on port " + port).atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> {
					if (!process.isAlive()) {
						throw new IllegalStateException("Prometheus exited:\n" + process.logTail(40));
					}
					return server.status("/-/ready") == 200;
				});
		}
		catch (RuntimeException ex) {
			process.close();
			throw ex;
		}
		return server;
	}

	@SuppressWarnings("unchecked")
	static Path writeConfig(Map<String, Integer> jobPorts, Path workDir) {
		Path deployed = Repository.prometheusDir().resolve("prometheus.yml");
		Map<String, Object> config = AlertRules.load(deployed);
		Map<String, Object> global = new LinkedHashMap<>(AlertRules.map(config.get("global")));
		global.put("scrape_interval", "1s");
		global.put("scrape_timeout", "1s");
		global.put("evaluation_interval", "1s");
		config.put("global", global);
		List<String> ruleFiles = new ArrayList<>();
		for (Object pattern : (List<Object>) config.getOrDefault("rule_files", List.of())) {
			ruleFiles.add(deployed.getParent().resolve(String.valueOf(pattern)).toString());
		}
		config.put("rule_files", ruleFiles);
		config.remove("alerting");
		Set<String> unmapped = new TreeSet<>();
		for (Map<String, Object> job : AlertRules.list(config.get("scrape_configs"))) {
			String name = String.valueOf(job.get("job_name"));
			Integer port = jobPorts.get(name);
			if (port == null) {
				unmapped.add(name);
				continue;
			}
			job.remove("scrape_interval");
			job.remove("scrape_timeout");
			for (Map<String, Object> staticConfig : AlertRules.list(job.get("static_configs"))) {
				staticConfig.put("targets", List.of("127.0.0.1:" + port));
			}
		}
		if (!unmapped.isEmpty()) {
			throw new IllegalArgumentException(
					"deploy/prometheus/prometheus.yml scrapes jobs this test does not start: " + unmapped);
		}
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		Path file = workDir.resolve("prometheus.yml");
		try {
			Files.createDirectories(workDir);
			try (Writer writer = Files.newBufferedWriter(file)) {
				new Yaml(options).dump(config, writer);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	public String baseUrl() {
		return baseUrl;
	}

	public ChildProcess process() {
		return process;
	}

	/** {@code /api/v1/query} at the current time; the whole JSON answer, also for errors (status "error"). */
	public JsonNode query(String promql) {
		return post("/api/v1/query", Map.of("query", promql));
	}

	/** The number of series (or 1 for a scalar or string) of a successful instant query; -1 for an error. */
	public int resultSize(String promql) {
		JsonNode answer = query(promql);
		if (!"success".equals(answer.path("status").asString(""))) {
			return -1;
		}
		JsonNode data = answer.path("data");
		String type = data.path("resultType").asString("");
		if (type.equals("scalar") || type.equals("string")) {
			return 1;
		}
		return data.path("result").size();
	}

	/** The value of the first series of a successful instant vector query, or NaN when there is none. */
	public double value(String promql) {
		JsonNode result = query(promql).path("data").path("result");
		if (result.isEmpty()) {
			return Double.NaN;
		}
		return Double.parseDouble(result.get(0).path("value").get(1).asString("NaN"));
	}

	public JsonNode get(String pathAndQuery) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
			.timeout(Duration.ofSeconds(20))
			.GET()
			.build();
		return send(request);
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private JsonNode post(String path, Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((key, value) -> body.append(body.length() == 0 ? "" : "&")
			.append(encode(key))
			.append('=')
			.append(encode(value)));
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		return send(request);
	}

	private JsonNode send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private int status(String path) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
				.timeout(Duration.ofSeconds(5))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		process.close();
	}

}
