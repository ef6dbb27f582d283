package io.spotbridge.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the whole harness end to end with tiny numbers (a real broker and a real ingress child JVM). Asserts only that
 * it completes and prints every section: the numbers of such a short run on a shared machine mean nothing.
 */
class IngressBenchmarkSmokeTest {

	@Test
	@Timeout(value = 8, unit = TimeUnit.MINUTES)
	void runsEveryPhaseAndPrintsEverySection() {
		Path jar = IngressProcess.locateExecJar(null);
		assumeTrue(jar != null, "Skipped: no ../ingress-service/target/ingress-service-*-exec.jar; build ingress-service"
				+ " first (./mvnw -B -pl common-model,ingress-service -DskipTests install, or a reactor build)");

		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(new Tee(captured, System.out), true, StandardCharsets.UTF_8);
		BenchOptions options = BenchOptions.parse("--users", "300", "--seconds", "2", "--warmup-seconds", "1",
				"--rate", "100", "--concurrency", "8", "--deep-in-flight", "64", "--settle-seconds", "5",
				"--ingress-jar", jar.toString());

		int status = IngressBenchmark.run(options, out);

		String report = captured.toString(StandardCharsets.UTF_8);
		assertThat(report).contains(IngressBenchmark.SECTION_RAW, IngressBenchmark.SECTION_SCIM,
				IngressBenchmark.SECTION_GET, IngressBenchmark.SECTION_REBUILD, IngressBenchmark.SECTION_SUMMARY);
		assertThat(report).doesNotContain("not run", "Problems:");
		assertThat(status).as("exit status (0 = every phase ran)").isZero();
	}

	/** Keeps the report in the test output too. */
	private static final class Tee extends OutputStream {

		private final OutputStream first;

		private final OutputStream second;

		Tee(OutputStream first, OutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) throws IOException {
			first.write(b);
			second.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			first.write(b, off, len);
			second.write(b, off, len);
		}

	}

}
