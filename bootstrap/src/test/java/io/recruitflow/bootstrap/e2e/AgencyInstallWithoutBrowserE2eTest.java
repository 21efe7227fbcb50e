package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.io.File;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agency installs Recruitflow without a browser: {@code GET /oauth/install?user_type=Company} on the running
 * service, followed with redirects and a cookie jar by a plain HTTP client (java.net.http with a {@link
 * CookieManager}, and the real {@code curl -L -c jar -b jar}), goes to the sandbox's consent page, which approves
 * at once, back to {@code /oauth/callback} with the code, and ends on the page that says the agency is installed,
 * its token stored (PostgreSQL, encrypted). Then an import into {@code loc_0003} of a sandbox of five locations
 * works without any mint beforehand, and the sandbox counts exactly one {@code POST /oauth/locationToken} for it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AgencyInstallWithoutBrowserE2eTest {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final CredentialOwner AGENCY = new CredentialOwner("COMPANY", "comp_abc");

    @TempDir
    static Path dir;

    private static GhlSandbox sandbox;
    private static RecruitflowRuntime runtime;
    private static String adminToken;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withRateLimit("100/1s").withLocations(5));
        adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // the redirect URI names the port, so it is chosen before the start
        }
        Settings settings = Settings.load(Optional.empty(), Map.of())
                .with(Setting.GHL_BASE_URL, sandbox.baseUrl())
                .with(Setting.GHL_CLIENT_ID, sandbox.credentials().oauth().clientId())
                .with(Setting.GHL_CLIENT_SECRET, sandbox.credentials().oauth().clientSecret())
                .with(Setting.GHL_REDIRECT_URI, "http://127.0.0.1:" + port + "/oauth/callback")
                .with(Setting.GHL_RATE_LIMIT, "100/1s")
                .with(Setting.DATA_DIR, dir.resolve("data").toString())
                .with(Setting.COMPLIANCE_QUIET_HOURS, "off")
                .with(Setting.HTTP_PORT, String.valueOf(port))
                .with(Setting.ADMIN_TOKEN, adminToken);
        runtime = RecruitflowRuntime.open(RecruitflowConfig.from(settings), Clock.system());
        assertThat(runtime.startHttp()).isEqualTo(port);
        runtime.startJobs();
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void uninstalled() {
        credentials().revoke(AGENCY);
    }

    @Test
    void aPlainHttpClientWithACookieJarInstallsTheAgencyAndAnImportFeedsAnUnseenLocation() throws Exception {
        HttpClient browserless = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        HttpResponse<String> installed = browserless.send(
                HttpRequest.newBuilder(URI.create(service("/oauth/install?user_type=Company")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        assertThat(installed.uri().getPath()).isEqualTo("/oauth/callback");
        assertThat(installed.body()).contains("Recruitflow is connected").contains("agency comp_abc");
        assertThat(credentials().find(AGENCY)).isPresent();
        assertThat(credentials().find(new CredentialOwner("LOCATION", "loc_0003")))
                .as("nothing minted yet")
                .isEmpty();

        List<RecruitId> recruits = importInto("loc_0003", 3);
        IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
        E2e.await(WAIT, Duration.ofMillis(50), () -> recruits.stream().allMatch(intake::isComplete), () -> "intakes");

        assertThat(sandbox.stats().location("loc_0003").contacts()).isEqualTo(3);
        assertThat(sandbox.stats().location("loc_0003").messagesByType()).containsEntry("SMS", 3L);
        assertThat(sandbox.stats().location("loc_0003").locationTokens())
                .as("POST /oauth/locationToken for loc_0003")
                .isEqualTo(1);
        assertThat(sandbox.stats().rateLimited()).isZero();
    }

    @Test
    void theRealCurlFollowingRedirectsWithACookieJarInstallsTheAgency() throws Exception {
        assumeTrue(onPath("curl"), "curl is not installed");
        Path jar = dir.resolve("jar-" + System.nanoTime());

        String out = curl("-c", jar.toString(), "-b", jar.toString());

        assertThat(out).contains("Recruitflow is connected").contains("agency comp_abc");
        assertThat(out.substring(out.lastIndexOf('\n') + 1)).startsWith("200 " + service("/oauth/callback?"));
        assertThat(jar)
                .as("curl kept the jar (the state cookie, cleared by the callback)")
                .exists();
        assertThat(credentials().find(AGENCY)).isPresent();

        credentials().revoke(AGENCY);
        String withoutJar = curl();
        assertThat(withoutJar).contains("Installation link expired");
        assertThat(withoutJar.substring(withoutJar.lastIndexOf('\n') + 1)).startsWith("400 ");
        assertThat(credentials().find(AGENCY)).as("no cookie, no install").isEmpty();
    }

    /** {@code curl -sS -L [options] <service>/oauth/install?user_type=Company}: its output, the status last. */
    private static String curl(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-L"));
        command.addAll(List.of(options));
        command.addAll(List.of("-w", "\n%{http_code} %{url_effective}", service("/oauth/install?user_type=Company")));
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        // The authorization code (spent by then) stays out of the test's output.
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .replaceAll("code=[^&\\s]+", "code=REDACTED");
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(curl.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void withoutTheCookieJarTheCallbackIsRefused() throws Exception {
        HttpClient noCookies = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<String> refused = noCookies.send(
                HttpRequest.newBuilder(URI.create(service("/oauth/install?user_type=Company")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Installation link expired");
        assertThat(credentials().find(AGENCY)).isEmpty();
    }

    private static List<RecruitId> importInto(String location, int leads) throws Exception {
        Path file = E2e.writeLeads(dir.resolve(location + ".csv"), leads, 31);
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(service("/api/recruits/import?location=" + location)))
                                .header("Authorization", "Bearer " + adminToken)
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofFile(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        String accepted = answer.body()
                .substring(answer.body().indexOf("\"accepted\""), answer.body().indexOf("\"known\""));
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(accepted);
        List<RecruitId> ids = new ArrayList<>();
        while (id.find()) {
            ids.add(RecruitId.parse(id.group(1)));
        }
        assertThat(ids).hasSize(leads);
        return ids;
    }

    private static String service(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static CredentialStore credentials() {
        return runtime.injector().getInstance(CredentialStore.class);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, command))) {
                return true;
            }
        }
        return false;
    }
}
