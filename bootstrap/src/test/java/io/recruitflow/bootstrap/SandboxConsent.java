package io.recruitflow.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.sandbox.GhlSandbox;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sandbox's OAuth consent page, which approves at once: the authorization code of an install, for tests. */
public final class SandboxConsent {
    private SandboxConsent() {}

    /**
     * Asks the sandbox's consent page for an install redirecting to {@code redirect} — on {@code location}, or the
     * agency's when empty — and answers the code its redirect carries.
     */
    public static String authorizationCode(GhlSandbox sandbox, String redirect, Optional<String> location)
            throws Exception {
        String query = "response_type=code"
                + location.map(l -> "&locationId=" + URLEncoder.encode(l, StandardCharsets.UTF_8))
                        .orElse("")
                + "&client_id="
                + URLEncoder.encode(sandbox.credentials().oauth().clientId(), StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
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
}
