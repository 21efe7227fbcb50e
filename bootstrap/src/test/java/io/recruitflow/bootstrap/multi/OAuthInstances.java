package io.recruitflow.bootstrap.multi;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.JavaClocks;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Instances with OAuth against the sandbox on one shared database: their settings, and the install's code. */
final class OAuthInstances {
    static final String REDIRECT = "http://localhost:8080/oauth/callback";

    private OAuthInstances() {}

    /** The sandbox on the test's simulated clock, its access tokens living {@code lifetime}, no rate limit to speak of. */
    static GhlSandbox sandbox(Duration lifetime, Supplier<Instant> now) {
        return GhlSandbox.start(SandboxConfig.defaults()
                .withPort(0)
                .withRateLimit("10000/1s")
                .withAccessTokenLifetime(lifetime)
                .withClock(JavaClocks.of(now::get)));
    }

    /** The install: GHL's consent page approves at once and redirects with a code. */
    static String authorizationCode(GhlSandbox sandbox, String location) throws Exception {
        String query = "response_type=code&locationId=" + location
                + "&client_id="
                + URLEncoder.encode(sandbox.credentials().oauth().clientId(), StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8);
        HttpResponse<String> consent = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/chooselocation?" + query))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).isEqualTo(302);
        Matcher code = Pattern.compile("[?&]code=([^&]+)")
                .matcher(consent.headers().firstValue("Location").orElseThrow());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    /** An instance with OAuth on the sandbox, its default location {@code location}, on the database {@code dbUrl}. */
    static RecruitflowConfig config(GhlSandbox sandbox, String location, String dbUrl, String secretKey) {
        return RecruitflowConfig.from(settings(sandbox, location, dbUrl, secretKey));
    }

    /** The settings of {@link #config}, for a test that adds some. */
    static Settings settings(GhlSandbox sandbox, String location, String dbUrl, String secretKey) {
        return Settings.load(Optional.empty(), Map.of())
                .with(Setting.GHL_BASE_URL, sandbox.baseUrl())
                .with(Setting.GHL_CLIENT_ID, sandbox.credentials().oauth().clientId())
                .with(Setting.GHL_CLIENT_SECRET, sandbox.credentials().oauth().clientSecret())
                .with(Setting.GHL_REDIRECT_URI, REDIRECT)
                .with(Setting.GHL_LOCATION_ID, location)
                .with(Setting.GHL_RATE_LIMIT, "1000/1s")
                .with(Setting.DB_URL, dbUrl)
                .with(Setting.SECRET_KEY, secretKey)
                .with(Setting.HTTP_PORT, "0");
    }
}
