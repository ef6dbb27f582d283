package io.spotbridge.ingress.okta;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where Okta's published Runscope suites are: {@code ../shared/okta-tests} relative to the project root. They are
 * read in place, never copied into the project.
 */
public final class OktaSuites {

	/** Okta's 2024 SPEC suite. */
	public static final String SPEC_2024 = "Okta-SCIM-20-SPEC-Test.json";

	/** Okta's 2023 SPEC suite (adds PUT, Groups and PATCH deactivate). */
	public static final String SPEC_2023 = "Okta-SCIM-20-SPEC-Test-2023.json";

	/** Both SPEC suites. */
	public static final List<String> SPEC_SUITES = List.of(SPEC_2024, SPEC_2023);

	/** Why a test that needs the suites is skipped. */
	public static final String ABSENT = "Okta's suites are read from ../shared/okta-tests, absent here: skipping; "
			+ "the project's own SCIM tests cover the same behaviours";

	private OktaSuites() {
	}

	/**
	 * The project root: the nearest ancestor of the working directory (the module directory under Maven) that
	 * holds the Maven wrapper {@code mvnw}, else the topmost one that holds a {@code pom.xml}.
	 */
	public static Path projectRoot() {
		Path dir = Path.of("").toAbsolutePath().normalize();
		Path topmostPom = dir;
		for (Path d = dir; d != null; d = d.getParent()) {
			if (Files.isRegularFile(d.resolve("mvnw"))) {
				return d;
			}
			if (Files.isRegularFile(d.resolve("pom.xml"))) {
				topmostPom = d;
			}
		}
		return topmostPom;
	}

	/** {@code <project root>/../shared/okta-tests}, when it exists. */
	public static Optional<Path> directory() {
		Path root = projectRoot();
		Path parent = root.getParent();
		if (parent == null) {
			return Optional.empty();
		}
		Path dir = parent.resolve("shared").resolve("okta-tests");
		return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
	}

	/** The suite file, when present. */
	public static Optional<Path> suite(String fileName) {
		return directory().map(d -> d.resolve(fileName)).filter(Files::isRegularFile);
	}

}
