package io.spotbridge.ingress.okta;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one run of a Runscope suite: one {@link StepReport} per step of the file, in order. Secrets
 * (the Authorization header values, the {@code auth} variable) are already masked in every string here.
 *
 * @param suiteName the suite's {@code name}
 * @param source where the suite was read from
 * @param steps every step, in file order
 */
public record SuiteReport(String suiteName, String source, List<StepReport> steps) {

	public SuiteReport {
		steps = List.copyOf(steps);
	}

	/**
	 * One assertion's outcome.
	 *
	 * @param description source, property, comparison and target, e.g. {@code response_json 'id' equal 'abc'}
	 * @param passed whether it held
	 * @param actual the actual value as JSON, {@code (missing)}, or why it could not be read
	 * @param expected the rendered target value ({@code null} for comparisons without one)
	 * @param message why it failed beyond the mismatch itself, or {@code null}
	 */
	public record AssertionResult(String description, boolean passed, String actual, String expected,
			String message) {

		@Override
		public String toString() {
			return (this.passed ? "pass " : "FAIL ") + this.description + " | actual: " + this.actual
					+ (this.message == null ? "" : " | " + this.message);
		}

	}

	/**
	 * One step's outcome.
	 *
	 * @param number 1-based position in the suite's {@code steps}
	 * @param type {@code request}, {@code pause}, or the unsupported type found
	 * @param skipped the step has {@code "skipped": true} and was not run
	 * @param note the step's note (not templated)
	 * @param method the HTTP method sent
	 * @param url the URL sent (rendered)
	 * @param status the response status, or {@code null} when no response came
	 * @param responseTimeMs the response time, or {@code null}
	 * @param assertions every assertion evaluated
	 * @param scriptFailures failed or broken {@code before_scripts} / {@code scripts}
	 * @param errors anything else that failed the step: undefined variable, connection error, variable not
	 * extracted, unsupported step
	 * @param logs what scripts logged
	 * @param info extra facts (pause length, dropped headers)
	 * @param responseExcerpt the start of the response body, kept when the step failed
	 */
	public record StepReport(int number, String type, boolean skipped, String note, String method, String url,
			Integer status, Long responseTimeMs, List<AssertionResult> assertions, List<String> scriptFailures,
			List<String> errors, List<String> logs, List<String> info, String responseExcerpt) {

		public StepReport {
			assertions = List.copyOf(assertions);
			scriptFailures = List.copyOf(scriptFailures);
			errors = List.copyOf(errors);
			logs = List.copyOf(logs);
			info = List.copyOf(info);
		}

		public boolean passed() {
			return this.errors.isEmpty() && this.scriptFailures.isEmpty()
					&& this.assertions.stream().allMatch(AssertionResult::passed);
		}

		String headline() {
			StringBuilder s = new StringBuilder();
			s.append(String.format("#%-3d", this.number));
			if (this.skipped) {
				return s.append("skipped  ").append(this.type).append(noteSuffix()).toString();
			}
			if (!"request".equals(this.type)) {
				s.append(passed() ? "ok    " : "FAIL  ").append(this.type);
				this.info.forEach(i -> s.append(' ').append(i));
				return s.toString();
			}
			s.append(passed() ? "ok    " : "FAIL  ").append(this.method).append(' ').append(this.url);
			if (this.status != null) {
				s.append(" -> ").append(this.status).append(" (").append(this.responseTimeMs).append(" ms)");
			}
			return s.append(noteSuffix()).toString();
		}

		private String noteSuffix() {
			return this.note == null || this.note.isBlank() ? "" : "  [" + this.note.trim() + "]";
		}

	}

	/**
	 * One thing that went wrong.
	 *
	 * @param step the step number
	 * @param note the step's note
	 * @param request method and URL of the step
	 * @param what the assertion's description, {@code script} or {@code error}
	 * @param detail actual value or error message
	 */
	public record Failure(int step, String note, String request, String what, String detail) {

		@Override
		public String toString() {
			return "step " + this.step + (this.note == null || this.note.isBlank() ? "" : " [" + this.note.trim() + "]")
					+ (this.request == null ? "" : " " + this.request) + ": " + this.what
					+ (this.detail == null ? "" : " -> " + this.detail);
		}

	}

	/** Every failed assertion, script failure and step error, in step order. */
	public List<Failure> failures() {
		List<Failure> failures = new ArrayList<>();
		for (StepReport step : this.steps) {
			if (step.skipped()) {
				continue;
			}
			String request = step.method() == null ? null : step.method() + " " + step.url();
			for (String error : step.errors()) {
				failures.add(new Failure(step.number(), step.note(), request, "error", error));
			}
			for (AssertionResult a : step.assertions()) {
				if (!a.passed()) {
					failures.add(new Failure(step.number(), step.note(), request, a.description(),
							"actual " + a.actual() + (a.message() == null ? "" : " (" + a.message() + ")")));
				}
			}
			for (String script : step.scriptFailures()) {
				failures.add(new Failure(step.number(), step.note(), request, "script", script));
			}
		}
		return failures;
	}

	public boolean passed() {
		return failures().isEmpty();
	}

	/** The step with that 1-based number. */
	public StepReport step(int number) {
		return this.steps.get(number - 1);
	}

	public int assertionCount() {
		return this.steps.stream().mapToInt(s -> s.assertions().size()).sum();
	}

	public int passedAssertionCount() {
		return (int) this.steps.stream().flatMap(s -> s.assertions().stream()).filter(AssertionResult::passed).count();
	}

	@Override
	public String toString() {
		List<Failure> failures = failures();
		long requests = this.steps.stream().filter(s -> "request".equals(s.type()) && !s.skipped()).count();
		StringBuilder out = new StringBuilder();
		out.append("Runscope suite '").append(this.suiteName).append("' (").append(this.source).append("): ")
			.append(failures.isEmpty() ? "PASSED" : "FAILED").append(", ").append(requests).append(" requests, ")
			.append(passedAssertionCount()).append('/').append(assertionCount()).append(" assertions passed, ")
			.append(failures.size()).append(" failure(s)\n");
		if (!failures.isEmpty()) {
			out.append("Failures:\n");
			failures.forEach(f -> out.append("  - ").append(f).append('\n'));
			out.append("Steps:\n");
		}
		for (StepReport step : this.steps) {
			out.append("  ").append(step.headline()).append('\n');
			if (step.skipped() || !"request".equals(step.type())) {
				step.errors().forEach(e -> out.append("        error: ").append(e).append('\n'));
				continue;
			}
			step.info().forEach(i -> out.append("        note: ").append(i).append('\n'));
			step.errors().forEach(e -> out.append("        error: ").append(e).append('\n'));
			step.assertions().forEach(a -> out.append("        ").append(a).append('\n'));
			step.scriptFailures().forEach(s -> out.append("        script FAILED: ").append(s).append('\n'));
			step.logs().forEach(l -> out.append("        log: ").append(l).append('\n'));
			if (step.responseExcerpt() != null) {
				out.append("        response body: ").append(step.responseExcerpt()).append('\n');
			}
		}
		return out.toString();
	}

}
