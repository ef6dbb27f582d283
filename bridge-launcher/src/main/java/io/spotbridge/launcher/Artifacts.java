package io.spotbridge.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Where the jars this launcher starts are: the other modules' {@code target/} directories in the project checkout.
 *
 * @param home    the project root (holds the root {@code pom.xml} and the module directories)
 * @param version the modules' version, e.g. {@code 0.1.0-SNAPSHOT}
 */
record Artifacts(Path home, String version) {

    static final String REBUILD_HINT = "run bin/bridge local again (it builds what is missing) or ./mvnw -B -DskipTests install";

    /**
     * The project root from the {@code bridge.home} system property ({@code bin/bridge} sets it), else
     * {@code BRIDGE_HOME}, else found upwards from this class's jar or classes directory.
     */
    static Artifacts locate() {
        String configured = System.getProperty("bridge.home", System.getenv("BRIDGE_HOME"));
        Path home = configured != null && !configured.isBlank() ? Path.of(configured) : fromCodeSource();
        return new Artifacts(home.toAbsolutePath().normalize(), readVersion());
    }

    Path ingressJar() {
        return execJar("ingress-service");
    }

    Path simulatorJar() {
        return execJar("spot-simulator");
    }

    Path workerJar() {
        return execJar("provisioner-worker");
    }

    /** The worker's jar if it has been built; the worker is optional while it is being written. */
    Optional<Path> workerJarIfBuilt() {
        Path jar = workerJar();
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /**
     * The classpath of the broker launcher {@code io.spotbridge.testkit.StandaloneKafkaBroker}: the testkit's jar,
     * its runtime classpath (kafka_2.13 and its dependencies) and an SLF4J provider for the broker's logging, as the
     * testkit build writes them to {@code bridge-testkit/target/classpath*.txt}.
     */
    String kafkaClasspath() {
        Path target = home.resolve("bridge-testkit").resolve("target");
        Path jar = target.resolve("bridge-testkit-" + version + ".jar");
        List<String> entries = new ArrayList<>();
        entries.add(require(jar, "bridge-testkit").toString());
        for (String file : List.of("classpath.txt", "classpath-logging.txt")) {
            Path listing = require(target.resolve(file), "bridge-testkit");
            try {
                String content = Files.readString(listing, StandardCharsets.UTF_8).trim();
                if (!content.isEmpty()) {
                    entries.add(content);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * {@code jar} if it exists and is a runnable Spring Boot jar; otherwise a one-line explanation naming the module.
     * A jar whose {@code Start-Class} is Spring Boot's own launcher was repackaged twice (a module execution of
     * {@code repackage} next to the one the Boot parent declares) and would only recurse into itself.
     */
    static Path requireBootJar(Path jar, String module) {
        require(jar, module);
        Optional<String> problem = bootJarProblem(jar);
        if (problem.isPresent()) {
            throw new LauncherException(module + " cannot be started: " + problem.get());
        }
        return jar;
    }

    /** Why {@code jar} is not a runnable Spring Boot jar, if it is not. */
    static Optional<String> bootJarProblem(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String startClass = manifest == null ? null : manifest.getMainAttributes().getValue("Start-Class");
            if (startClass == null) {
                return Optional.of(jar + " is not a Spring Boot executable jar (no Start-Class)");
            }
            if (startClass.startsWith("org.springframework.boot.loader.")) {
                return Optional.of(jar + " was repackaged twice (its Start-Class is " + startClass + "): in "
                        + module(jar) + "/pom.xml the spring-boot-maven-plugin execution needs <id>repackage</id>"
                        + " (as in spot-simulator/pom.xml); then rebuild");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(jar + " cannot be read: " + e.getMessage());
        }
    }

    private static String module(Path jar) {
        Path target = jar.getParent();
        Path module = target == null ? null : target.getParent();
        return module == null || module.getFileName() == null ? "the module" : module.getFileName().toString();
    }

    /** {@code jar} if it exists, else a one-line explanation naming the module that is not built. */
    static Path require(Path jar, String module) {
        if (!Files.isRegularFile(jar)) {
            throw new LauncherException(module + " is not built (" + jar + " is missing): " + REBUILD_HINT);
        }
        return jar;
    }

    private Path execJar(String module) {
        return home.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
    }

    private static Path fromCodeSource() {
        Path location;
        try {
            location = Path.of(Artifacts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new LauncherException("Cannot tell where the project is: set BRIDGE_HOME to the project root");
        }
        for (Path dir = location; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("bridge-launcher"))) {
                return dir;
            }
        }
        throw new LauncherException("Cannot find the project root above " + location + ": set BRIDGE_HOME to it");
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = Artifacts.class.getResourceAsStream("launcher.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "");
        if (version.isEmpty() || version.contains("@")) {
            throw new IllegalStateException("launcher.properties has no version: the launcher was not built by Maven");
        }
        return version;
    }
}
