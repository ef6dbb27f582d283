package io.spotbridge.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the pipeline benchmark end to end with tiny numbers (real broker, simulator, ingress and worker child JVMs).
 * Asserts only that it completes and prints every row: the numbers of such a short run mean nothing.
 */
class PipelineBenchmarkSmokeTest {

	@Test
	@Timeout(value = 8, unit = TimeUnit.MINUTES)
	void runsEveryPhaseAndPrintsEveryRow() {
		for (String module : new String[] { "ingress-service", "provisioner-worker", "spot-simulator" }) {
			assumeTrue(ChildJvm.locateExecJar(module) != null, "Skipped: no ../" + module + "/target/" + module
					+ "-*-exec.jar; build it first (./mvnw -B -pl common-model,bridge-testkit,ingress-service,"
					+ "spot-simulator,provisioner-worker -DskipTests install, or a reactor build)");
		}
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
		PipelineBenchmark.Options options = PipelineBenchmark.Options.parse("--users", "100", "--idle-users", "10",
				"--rate-limit-per-minute", "60", "--rate-limit-users", "30", "--phase-timeout-seconds", "90",
				"--heap", "384m", "--warmup-users", "20", "--warmup-max-seconds", "1", "--drain-users", "50");

		int status = PipelineBenchmark.run(options, out);

		String report = captured.toString(StandardCharsets.UTF_8);
		System.out.println(report);
		assertThat(report).contains(PipelineBenchmark.ROW_FRESH, "(warm-up: 1 slice(s) of 20 users", "(JIT ",
				PipelineBenchmark.ROW_ZERO, PipelineBenchmark.ROW_FIFTY,
				PipelineBenchmark.ROW_RATE, PipelineBenchmark.ROW_IDLE, PipelineBenchmark.ROW_DRAIN,
				PipelineBenchmark.SUMMARY);
		assertThat(report).doesNotContain("not run", "Problems:");
		assertThat(status).as("exit status (0 = every phase ran)").isZero();
	}

}
