package io.recruitflow.adapter.webhook;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What every {@code /api/**} request passes before its route runs, in this order — the first that fails
 * answers, so a request that is wrong in several ways gets one clear answer:
 *
 * <ol>
 *   <li><b>403 {@code cross_site}</b> — a state-changing request ({@code POST}, {@code PUT}, {@code PATCH},
 *       {@code DELETE}) that a browser sent from another page's site: {@code Sec-Fetch-Site} other than
 *       {@code same-origin} or {@code none}, or an {@code Origin} that is not this server's own (or is
 *       {@code null}). Clients that are not browsers send neither header and pass.
 *   <li><b>415 {@code unsupported_media_type}</b> — a state-changing request whose {@code Content-Type} is
 *       not the route's: {@code text/csv} for {@code /api/recruits/import}, {@code application/json} for
 *       every other route (even with an empty body). A form can only send {@code text/plain},
 *       {@code application/x-www-form-urlencoded} or {@code multipart/form-data}, so no form reaches a route.
 *   <li><b>429 {@code too_many_attempts}</b> — this client address presented too many wrong tokens lately
 *       (see {@link FailedTokenThrottle}); {@code Retry-After} says when to try again.
 *   <li><b>401 {@code unauthorized}</b> — no valid {@code Authorization: Bearer <admin token>}. HTTP Basic
 *       is <em>not</em> accepted here: a browser attaches cached Basic credentials to any request to the
 *       origin, a bearer token it never attaches by itself. (The dashboard page, {@code GET /}, accepts
 *       Basic so that a browser can prompt for it.)
 * </ol>
 *
 * <p>These checks need no credentials and reveal nothing but the documented rules, so they come before
 * the token check: {@code curl -u admin:TOKEN -H 'Content-Type: text/plain' -d '{…}' /api/recruits} is a
 * 415, and the same with {@code application/json} a 401 that says Basic is not accepted.
 */
final class ApiRequestGuard {

    private static final Set<HandlerType> STATE_CHANGING =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");
    static final String IMPORT_PATH = "/api/recruits/import";

    private final AdminAuth auth;

    ApiRequestGuard(AdminAuth auth) {
        this.auth = auth;
    }

    /** Why the request is refused (status, code, message, when to retry), or empty when its route may run. */
    record Refusal(int status, String code, String message, Optional<Duration> retryAfter) {
        Refusal(int status, String code, String message) {
            this(status, code, message, Optional.empty());
        }
    }

    Optional<Refusal> check(Context ctx) {
        if (STATE_CHANGING.contains(ctx.method())) {
            if (crossSite(ctx.header("Sec-Fetch-Site"), ctx.header("Origin"), ownHosts(ctx))) {
                return Optional.of(new Refusal(
                        403, "cross_site", "state-changing admin requests are not accepted from another site"));
            }
            String required = IMPORT_PATH.equals(ctx.path()) ? "text/csv" : "application/json";
            if (!mediaType(ctx.header("Content-Type")).equals(required)) {
                return Optional.of(new Refusal(415, "unsupported_media_type", "send the body as " + required));
            }
        }
        Optional<Duration> wait = auth.throttled(ctx);
        if (wait.isPresent()) {
            return Optional.of(new Refusal(
                    429, "too_many_attempts", "too many wrong admin tokens from this address; retry later", wait));
        }
        if (!auth.bearer(ctx)) {
            return Optional.of(new Refusal(
                    401,
                    "unauthorized",
                    AdminAuth.isBasic(ctx.header("Authorization"))
                            ? "the admin API takes the token as Authorization: Bearer; "
                                    + "HTTP Basic is accepted only by the dashboard"
                            : "admin token required (Authorization: Bearer <token>)"));
        }
        return Optional.empty();
    }

    /** The {@code host[:port]} this server is addressed as: the Host header, and a proxy's forwarded host. */
    private static Set<String> ownHosts(Context ctx) {
        String host = Optional.ofNullable(ctx.header("Host")).orElse("");
        String forwarded = Optional.ofNullable(ctx.header("X-Forwarded-Host")).orElse("");
        // A browser cannot set X-Forwarded-Host on a request it sends cross-site without a CORS preflight,
        // which this server never grants; it comes from a proxy in front or from a non-browser client.
        int comma = forwarded.indexOf(',');
        forwarded = comma < 0 ? forwarded : forwarded.substring(0, comma);
        return Set.of(host.strip().toLowerCase(Locale.ROOT), forwarded.strip().toLowerCase(Locale.ROOT));
    }

    static boolean crossSite(String secFetchSite, String origin, Set<String> ownHosts) {
        if (secFetchSite != null
                && !SAME_SITE_FETCHES.contains(secFetchSite.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (origin == null) {
            return false;
        }
        return !sameOrigin(origin.strip(), ownHosts);
    }

    private static boolean sameOrigin(String origin, Set<String> ownHosts) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return false; // "null", a file: or data: page, a sandboxed frame
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        // The scheme is not compared: behind a TLS-terminating proxy this server sees http while the
        // browser's origin is https. Same host and port is the same server.
        for (String own : ownHosts) {
            if (own.isEmpty()) {
                continue;
            }
            URI ownUri;
            try {
                ownUri = URI.create("http://" + own);
            } catch (IllegalArgumentException bad) {
                continue;
            }
            if (ownUri.getHost() == null || !ownUri.getHost().equalsIgnoreCase(host)) {
                continue;
            }
            if (ownUri.getPort() < 0 ? port == 80 || port == 443 : ownUri.getPort() == port) {
                return true;
            }
        }
        return false;
    }

    /** {@code application/json; charset=utf-8} → {@code application/json}; empty when absent. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
