package io.spotbridge.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.spotbridge.systemtests.support.AlertRules;
import io.spotbridge.systemtests.support.Commands;
import io.spotbridge.systemtests.support.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code promtool} on {@code deploy/prometheus}: the configuration and rules pass its checks and the alert rules pass
 * their unit tests. Skipped when promtool (Debian package {@code prometheus}) is not on the PATH.
 */
class PromtoolTest {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private Path promtool;

	private final Path deploy = Repository.prometheusDir();

	@BeforeEach
	void findPromtool() {
		promtool = Repository.onPath("promtool").orElse(null);
		assumeTrue(promtool != null, "promtool is not on the PATH: install the Debian package 'prometheus'"
				+ " (.ci/run does) to check deploy/prometheus");
	}

	@Test
	void theScrapeConfigurationPassesPromtoolCheckConfig() {
		// run from the config's directory, as Prometheus resolves rule_files relative to it
		assertSucceeds(promtool("check", "config", "prometheus.yml"));
	}

	@Test
	void theRuleFilesPassPromtoolCheckRules() {
		assertSucceeds(promtool(withFiles(List.of("check", "rules"), AlertRules.ruleFiles())));
	}

	@Test
	void theAlertRulesPassTheirUnitTests() {
		Commands.Result result = promtool(withFiles(List.of("test", "rules"), AlertRules.testFiles()));
		assertSucceeds(result);
		assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
	}

	private Commands.Result promtool(String... arguments) {
		return promtool(List.of(arguments));
	}

	private Commands.Result promtool(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(promtool.toString());
		command.addAll(arguments);
		return Commands.run(deploy, TIMEOUT, command);
	}

	private List<String> withFiles(List<String> arguments, List<Path> files) {
		assertThat(files).isNotEmpty();
		List<String> all = new ArrayList<>(arguments);
		files.forEach(file -> all.add(deploy.relativize(file).toString()));
		return all;
	}

	private static void assertSucceeds(Commands.Result result) {
		assertThat(result.exitCode()).as(result.describe()).isZero();
	}

}
