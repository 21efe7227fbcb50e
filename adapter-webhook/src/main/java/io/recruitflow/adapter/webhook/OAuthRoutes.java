package io.recruitflow.adapter.webhook;

import io.javalin.http.Context;
import io.recruitflow.application.port.Installations;
import io.recruitflow.application.port.PendingInstalls;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ExternalFailure;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth install flow of the GHL marketplace app. {@code GET /oauth/install} issues a random
 * {@code state} (kept {@link #STATE_TTL}, also set as a cookie so that the callback must come back to the
 * browser that started it) and redirects to GHL's authorization page. {@code GET /oauth/callback} checks
 * the state — unknown, expired, reused or from another browser: 400 — exchanges the code and saves the
 * tokens. The pages never show a token.
 *
 * <p>{@code /oauth/install?user_type=Company} installs an agency for all its locations ({@code Location}: one
 * location): the state carries that choice, so the callback exchanges the code for that user type whatever the
 * redirect brings; without it the callback's own {@code user_type} decides (absent: Location). A plain HTTP client
 * with a cookie jar ({@code curl -L -c jar -b jar}) completes the flow wherever the consent page approves without
 * a click (the sandbox).
 *
 * <p>The install route needs no authentication (GHL's marketplace sends people to it), so each client address
 * may start {@value #INSTALLS} installs per {@link #INSTALL_WINDOW}; past that it gets a 429 with
 * {@code Retry-After} and no state is issued. The {@link PendingInstalls} is bounded as well.
 */
final class OAuthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthRoutes.class);
    static final Duration STATE_TTL = Duration.ofMinutes(10);
    static final String STATE_COOKIE = "recruitflow_oauth_state";
    /** Separates the random part of a state from the installer it was issued for (not in base64url). */
    static final String STATE_INSTALLER = ".";

    static final int INSTALLS = 10;
    static final Duration INSTALL_WINDOW = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Installations installations;
    private final PendingInstalls states;
    private final Clock clock;
    private final AddressBuckets installsPerAddress;

    OAuthRoutes(Installations installations, PendingInstalls states, Clock clock) {
        this.installations = installations;
        this.states = states;
        this.clock = clock;
        this.installsPerAddress = new AddressBuckets(clock, INSTALLS, INSTALL_WINDOW, MAX_ADDRESSES);
    }

    void install(Context ctx) {
        if (!installations.selfInstallable()) {
            page(
                    ctx,
                    503,
                    "OAuth is not configured",
                    "This Recruitflow runs with a static token; set the app's client id and secret to install it.");
            return;
        }
        String userType = ctx.queryParam("user_type");
        Optional<Installations.Installer> installer =
                userType == null || userType.isBlank() ? Optional.empty() : installer(userType);
        if (userType != null && !userType.isBlank() && installer.isEmpty()) {
            page(ctx, 400, "Installation failed", "Unknown user_type; expected Company or Location.");
            return;
        }
        Optional<Duration> wait = installsPerAddress.tryTake(ctx.ip());
        if (wait.isPresent()) {
            String seconds = AddressBuckets.retryAfterSeconds(wait.get());
            ctx.header("Retry-After", seconds);
            page(
                    ctx,
                    429,
                    "Too many installations",
                    "Too many installations were started from this address. Try again in " + seconds + " seconds.");
            return;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        // The installer rides in the state (stored whole, so it cannot be altered): GHL's redirect brings only
        // the code and the state back, and the code exchange must name the user type.
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(random)
                + installer.map(i -> STATE_INSTALLER + i.name()).orElse("");
        states.put(state, clock.now().plus(STATE_TTL));
        ctx.header(
                "Set-Cookie",
                STATE_COOKIE + "=" + state + "; Path=/oauth; Max-Age=" + STATE_TTL.toSeconds()
                        + "; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(installer
                .map(i -> installations.consentUrl(state, i))
                .orElseGet(() -> installations.consentUrl(state))
                .toString());
    }

    void callback(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String error = ctx.queryParam("error");
        if (error != null) {
            page(ctx, 400, "Installation cancelled", "GHL did not grant access: " + error);
            return;
        }
        String state = ctx.queryParam("state");
        String cookie = ctx.cookie(STATE_COOKIE);
        // The cookie binds the callback to the browser that began the install (login CSRF).
        if (state == null || cookie == null || !cookie.equals(state) || !states.consume(state, clock.now())) {
            page(
                    ctx,
                    400,
                    "Installation link expired",
                    "This installation link is unknown, expired or already used. Start the installation again.");
            return;
        }
        clearCookie(ctx);
        String code = ctx.queryParam("code");
        if (code == null || code.isBlank()) {
            page(ctx, 400, "Installation failed", "GHL sent no authorization code. Start the installation again.");
            return;
        }
        Optional<Installations.Installer> installer =
                installerOf(state).or(() -> installer(ctx.queryParam("user_type")));
        if (installer.isEmpty()) {
            page(ctx, 400, "Installation failed", "Unknown user_type; expected Company or Location.");
            return;
        }
        Installations.Installed installed;
        try {
            installed = installations.complete(code, installer.get());
        } catch (ExternalFailure e) {
            // The message of an ExternalFailure never carries a token; still, keep it out of the page.
            LOG.warn("OAuth code exchange failed: {}", e.getMessage());
            if (e instanceof ExternalFailure.Rejected || e instanceof ExternalFailure.AccessDenied) {
                page(
                        ctx,
                        400,
                        "Installation refused",
                        "GHL refused the authorization code. Start the installation again.");
            } else {
                page(ctx, 502, "GHL is unavailable", "GHL could not complete the installation. Try again shortly.");
            }
            return;
        } catch (RuntimeException e) {
            LOG.error("could not complete the installation: {}", e.toString());
            page(
                    ctx,
                    500,
                    "Installation not saved",
                    "Recruitflow could not save the access. Start the installation again.");
            return;
        }
        LOG.info("GHL app installed for {}", installed);
        String who = installed.installer() == Installations.Installer.AGENCY ? "agency " : "location ";
        page(
                ctx,
                200,
                "Recruitflow is connected",
                "Recruitflow can now work with the " + who + installed.accountId() + ". You can close this page.");
    }

    /** The installer named at {@code /oauth/install?user_type=}, carried in the state; empty when none was. */
    static Optional<Installations.Installer> installerOf(String state) {
        int at = state.lastIndexOf(STATE_INSTALLER);
        if (at < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Installations.Installer.valueOf(state.substring(at + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** GHL's {@code user_type}: Company (an agency) or Location; absent means Location. */
    static Optional<Installations.Installer> installer(String userType) {
        if (userType == null || userType.isBlank()) {
            return Optional.of(Installations.Installer.LOCATION);
        }
        return switch (userType.strip().toLowerCase(Locale.ROOT)) {
            case "location" -> Optional.of(Installations.Installer.LOCATION);
            case "company" -> Optional.of(Installations.Installer.AGENCY);
            default -> Optional.empty();
        };
    }

    private static void clearCookie(Context ctx) {
        ctx.header(
                "Set-Cookie",
                STATE_COOKIE + "=; Path=/oauth; Max-Age=0; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    static void page(Context ctx, int status, String title, String message) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(HtmlPage.render(title, message));
    }
}
