package io.recruitflow.bootstrap.multi;

import io.recruitflow.bootstrap.SandboxConsent;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.JavaClocks;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
        return SandboxConsent.authorizationCode(sandbox, REDIRECT, Optional.of(location));
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
