package io.recruitflow.bootstrap.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fat jar as users run it ({@code java -jar recruitflow.jar ...}). Its manifest must keep
 * {@code Multi-Release: true}: Moshi's record support lives in a multi-release class, and the GHL client's
 * DTOs are records, so the demo on the real adapters fails without it.
 */
class PackagedJarIT {
    static final Path JAR = Path.of(System.getProperty("recruitflow.jar", "target/recruitflow.jar"));
    /** A line of Logback's own status, e.g. {@code 09:01:41,220 |-INFO in ch.qos.logback...}. */
    static final String LOGBACK_STATUS = "\\|-(INFO|WARN|ERROR) in ";

    static Process start(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("RECRUITFLOW_"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(workDir.resolve("out.log").toFile());
        return pb.start();
    }

    @Test
    void theManifestKeepsMultiRelease() throws IOException {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release"))
                    .isEqualTo("true");
        }
    }

    @Test
    void theDemoRunsFromTheJarOnTheRealAdaptersWhichDeserialiseRecords(@TempDir Path dir) throws Exception {
        Path leads = Path.of("..", "examples", "leads.csv").toAbsolutePath();
        Process demo = start(dir, Map.of(), "demo", "--leads", leads.toString());
        assertThat(demo.waitFor(240, TimeUnit.SECONDS)).as("demo finished").isTrue();
        String out = Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
        assertThat(demo.exitValue()).as(out).isZero();
        assertThat(out)
                .contains("Contracted", "0 duplicate contacts, 0 duplicate messages")
                .doesNotContain("Exception")
                .doesNotContainPattern(LOGBACK_STATUS);
    }

    /** Logback prints nothing of its own: the first line out is the command's, in either log format. */
    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void logbackIsQuietAtStartInEitherFormat(String format, @TempDir Path dir) throws Exception {
        Path leads = Path.of("..", "examples", "leads.csv").toAbsolutePath();
        String config = run(dir, Map.of("RECRUITFLOW_LOG_FORMAT", format), "config", "--print");
        assertThat(config).startsWith("RECRUITFLOW_").doesNotContainPattern(LOGBACK_STATUS);

        String demo =
                run(dir, Map.of("RECRUITFLOW_LOG_FORMAT", format), "demo", "--in-memory", "--leads", leads.toString());
        assertThat(demo).startsWith("Recruitflow demo").doesNotContainPattern(LOGBACK_STATUS);
    }

    @Test
    void anUnknownLogFormatIsStillReportedByLogback(@TempDir Path dir) throws Exception {
        Process p = start(dir, Map.of("RECRUITFLOW_LOG_FORMAT", "yaml"), "config", "--print");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8))
                .containsPattern(LOGBACK_STATUS)
                .contains("logback-yaml.xml");
    }

    @Test
    void theFunnelNamesTheStagesOfTheEnvironment(@TempDir Path dir) throws Exception {
        String out = run(
                dir,
                Map.of(
                        "RECRUITFLOW_PIPELINE_STAGES",
                        "New,Texted,Warm,Booked,Signed",
                        "RECRUITFLOW_DATA_DIR",
                        dir.resolve("data").toString()),
                "funnel");
        assertThat(out)
                .containsSubsequence("New ", "Texted ", "Warm ", "Booked ", "Signed ")
                .doesNotContain("Presentation Scheduled")
                .doesNotContainPattern(LOGBACK_STATUS);
    }

    /** Runs the jar to its end; returns what it printed (stdout and stderr), after checking it exited 0. */
    static String run(Path dir, Map<String, String> env, String... args) throws Exception {
        Process p = start(dir, env, args);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        String out = Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void configPrintShowsNoSecret(@TempDir Path dir) throws Exception {
        Process p = start(
                dir,
                Map.of(
                        "RECRUITFLOW_GHL_TOKEN",
                        "pit-super-secret-token",
                        "RECRUITFLOW_ADMIN_TOKEN",
                        "admin-super-secret-token",
                        "RECRUITFLOW_DB_PASSWORD",
                        "db-super-secret"),
                "config",
                "--print");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isZero();
        assertThat(out).contains("RECRUITFLOW_GHL_TOKEN", "****** (set)").doesNotContain("super-secret");
    }

    @Test
    void serveStopsGracefullyOnSigtermWithin30Seconds(@TempDir Path dir) throws Exception {
        try (GhlSandbox sandbox = GhlSandbox.start(SandboxConfig.defaults().withPort(0))) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Process serve = start(
                    dir,
                    Map.of(
                            "RECRUITFLOW_GHL_BASE_URL", sandbox.baseUrl(),
                            "RECRUITFLOW_GHL_TOKEN",
                                    sandbox.credentials().location("loc_abc123").privateIntegrationToken(),
                            "RECRUITFLOW_GHL_LOCATION_ID", "loc_abc123",
                            "RECRUITFLOW_DATA_DIR", dir.resolve("data").toString(),
                            "RECRUITFLOW_HTTP_PORT", String.valueOf(port),
                            "RECRUITFLOW_ADMIN_TOKEN", "an-admin-token-for-the-test"),
                    "serve");
            HttpClient http = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plusSeconds(120);
            int status = 0;
            while (status != 200 && Instant.now().isBefore(deadline) && serve.isAlive()) {
                try {
                    status = http.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (IOException notYet) {
                    Thread.sleep(250);
                }
            }
            assertThat(status).as(Files.readString(dir.resolve("out.log"))).isEqualTo(200);
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics).contains("recruitflow_").contains("recruitflow_ghl_rate_limit_headroom");
            // The dashboard's templates were compiled at build time: the jar renders them without a compiler.
            HttpResponse<String> dashboard = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                            .header("Authorization", "Bearer an-admin-token-for-the-test")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body())
                    .contains("<title>Recruitflow — funnel</title>")
                    .contains("id=\"stages\"");

            Instant sigterm = Instant.now();
            new ProcessBuilder("kill", "-TERM", String.valueOf(serve.pid()))
                    .start()
                    .waitFor();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS))
                    .as("stopped within 30 s of SIGTERM")
                    .isTrue();
            String out = Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
            assertThat(Duration.between(sigterm, Instant.now())).isLessThan(Duration.ofSeconds(30));
            assertThat(out).contains("job queue stopped").doesNotContain("an-admin-token-for-the-test");
        }
    }
}
