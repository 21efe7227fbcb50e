package io.recruitflow.bootstrap.multi;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.persistence.Database;
import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two instances behind a load balancer, on one PostgreSQL: the install starts on instance A ({@code /oauth/install}
 * issues the state and redirects to GHL's consent page), GHL — the sandbox's OAuth server — redirects the browser
 * back with a code, and the balancer sends that callback to instance B. B finds A's state in the database,
 * exchanges the code once and stores the location's tokens once; the same callback replayed on A is refused.
 */
class OAuthInstallAcrossInstancesTest {
    private static final String LOCATION = "loc_abc123";
    private static final String REDIRECT = "http://localhost:8080/oauth/callback";

    private final HttpClient browser = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void an_install_started_on_one_instance_completes_on_the_other_and_stores_the_tokens_once() throws Exception {
        String url = SharedPostgres.freshDatabase("oauth_install");
        String key = SharedPostgres.secretKey();
        try (GhlSandbox sandbox =
                        GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("1000/1s"));
                RecruitflowRuntime a = RecruitflowRuntime.open(config(sandbox, url, key), Clock.system());
                RecruitflowRuntime b = RecruitflowRuntime.open(config(sandbox, url, key), Clock.system())) {
            int portA = a.startHttp();
            int portB = b.startHttp();

            // The browser starts the install on A: a state, in the redirect and in a cookie.
            HttpResponse<String> install = get("http://127.0.0.1:" + portA + "/oauth/install", null);
            assertThat(install.statusCode()).isEqualTo(302);
            URI consent = URI.create(install.headers().firstValue("Location").orElseThrow());
            String state = query(consent, "state");
            String cookie =
                    install.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            assertThat(cookie).endsWith("=" + state);
            assertThat(statesStored(url)).isEqualTo(1);

            // GHL's consent page (the sandbox's), approved at once: back to the redirect URI with code and state.
            HttpResponse<String> approved =
                    get(sandbox.baseUrl() + consent.getRawPath() + "?" + consent.getRawQuery(), null);
            assertThat(approved.statusCode()).isEqualTo(302);
            URI back = URI.create(approved.headers().firstValue("Location").orElseThrow());
            assertThat(back.getPath()).isEqualTo("/oauth/callback");
            assertThat(query(back, "state")).isEqualTo(state);

            // The load balancer sends the callback to B.
            String callback = "/oauth/callback?" + back.getRawQuery();
            HttpResponse<String> completed = get("http://127.0.0.1:" + portB + callback, cookie);
            assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
            assertThat(completed.body()).contains("Recruitflow is connected").contains(LOCATION);

            // Tokens stored once, visible to both instances; the state is spent on every instance.
            CredentialOwner owner = new CredentialOwner("LOCATION", LOCATION);
            assertThat(a.injector().getInstance(CredentialStore.class).find(owner))
                    .isPresent();
            assertThat(credentialsStored(url)).isEqualTo(1);
            assertThat(statesStored(url)).isZero();
            long requests = sandbox.stats().requests();
            HttpResponse<String> replayed = get("http://127.0.0.1:" + portA + callback, cookie);
            assertThat(replayed.statusCode()).isEqualTo(400);
            assertThat(replayed.body()).contains("Installation link expired");
            assertThat(sandbox.stats().requests()).as("no second code exchange").isEqualTo(requests);
            assertThat(credentialsStored(url)).isEqualTo(1);
        }
    }

    private HttpResponse<String> get(String uri, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " missing from " + uri.getPath());
    }

    private static long statesStored(String url) {
        return count(url, "SELECT count(*) FROM pending_installs");
    }

    private static long credentialsStored(String url) {
        return count(url, "SELECT count(*) FROM oauth_tokens");
    }

    private static long count(String url, String sql) {
        try (Database db = SharedPostgres.instance(url)) {
            return db.jdbi()
                    .withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        }
    }

    private static RecruitflowConfig config(GhlSandbox sandbox, String dbUrl, String secretKey) {
        return RecruitflowConfig.from(Settings.load(Optional.empty(), Map.of())
                .with(Setting.GHL_BASE_URL, sandbox.baseUrl())
                .with(Setting.GHL_CLIENT_ID, sandbox.credentials().oauth().clientId())
                .with(Setting.GHL_CLIENT_SECRET, sandbox.credentials().oauth().clientSecret())
                .with(Setting.GHL_REDIRECT_URI, REDIRECT)
                .with(Setting.GHL_LOCATION_ID, LOCATION)
                .with(Setting.GHL_RATE_LIMIT, "1000/1s")
                .with(Setting.DB_URL, dbUrl)
                .with(Setting.SECRET_KEY, secretKey)
                .with(Setting.HTTP_PORT, "0"));
    }
}
