package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.LocationId;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the GHL client needs, validated on construction. Exactly one way to authenticate: a static
 * token (a v2 Private Integration Token, or a legacy v1 API key that is sent to {@link #v1BaseUrl()}), or
 * an OAuth marketplace app (client id and secret). {@link #toString()} never shows a secret.
 *
 * <p>Build one with {@link #builder()}; every field has a production default except the credentials.
 *
 * @param baseUrl            the v2 API, {@code https://services.leadconnectorhq.com} by default
 * @param v1BaseUrl          the legacy v1 API, used only with a {@link TokenKind#V1_API_KEY}
 * @param marketplaceUrl     where the OAuth authorization page lives ({@code /v2/oauth/chooselocation})
 * @param staticToken        a Private Integration Token or a v1 API key; no refresh
 * @param tokenKind          what {@code staticToken} is
 * @param clientId           the OAuth app's client id
 * @param clientSecret       the OAuth app's client secret
 * @param redirectUri        the OAuth callback registered with the app
 * @param scopes             the OAuth scopes asked for; {@link #DEFAULT_SCOPES} by default
 * @param defaultLocation    with a static token, the location the token belongs to: it names the token's one rate
 *                           budget and circuit breaker (every call names its own location; none is guessed)
 * @param defaultCompany     with OAuth, the agency whose token mints a location's token again when the location
 *                           was not added through this client
 * @param rateLimit          the client-side burst limit per token resource (location or company)
 * @param dailyLimit         the client-side daily limit per token resource
 * @param connectTimeout     TCP connect timeout
 * @param attemptTimeout     the limit of one HTTP attempt (Failsafe's per-attempt timeout)
 * @param permitTimeout      how long a call waits for a rate-limit permit before failing, unsent, as Unavailable
 * @param maxAttempts        attempts per call, the first included, for calls that may be retried
 * @param backoffBase        the first retry delay cap of the full-jitter backoff
 * @param backoffMax         the largest retry delay of the full-jitter backoff
 * @param maxRateLimitWait   the longest a 429 may make a call wait; a longer wait fails at once as Unavailable,
 *                           with the time GHL named as its {@code retryAfter}
 * @param breakerFailures    consecutive 5xx/network failures that open a resource's circuit breaker
 * @param breakerOpenFor     how long an open breaker refuses calls before it lets a trial through
 * @param refreshSkew        OAuth tokens expiring within this are refreshed before use (at least 60 s; 10 min by
 *                           default, so that a refresh that cannot be done at once leaves the token time)
 * @param userAgentVersion   the version named in the {@code User-Agent} header
 * @param versionOverrides   {@code Version} header per service ({@code contacts}, {@code calendars}, ...)
 */
public record GhlClientConfig(
        URI baseUrl,
        URI v1BaseUrl,
        URI marketplaceUrl,
        Optional<String> staticToken,
        TokenKind tokenKind,
        Optional<String> clientId,
        Optional<String> clientSecret,
        Optional<URI> redirectUri,
        Set<String> scopes,
        Optional<LocationId> defaultLocation,
        Optional<CompanyId> defaultCompany,
        RateLimit rateLimit,
        long dailyLimit,
        Duration connectTimeout,
        Duration attemptTimeout,
        Duration permitTimeout,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffMax,
        Duration maxRateLimitWait,
        int breakerFailures,
        Duration breakerOpenFor,
        Duration refreshSkew,
        String userAgentVersion,
        Map<String, String> versionOverrides) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://services.leadconnectorhq.com");
    public static final URI DEFAULT_V1_BASE_URL = URI.create("https://rest.gohighlevel.com/v1");
    public static final URI DEFAULT_MARKETPLACE_URL = URI.create("https://marketplace.gohighlevel.com");
    /** GHL's real burst limit per app and resource (Authorization.md). */
    public static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(100, Duration.ofSeconds(10));
    /** GHL's real daily limit per app and resource. */
    public static final long DEFAULT_DAILY_LIMIT = 200_000;

    /**
     * The smallest set of OAuth scopes Recruitflow uses, one per capability.
     */
    public static final Set<String> DEFAULT_SCOPES = Set.copyOf(new LinkedHashSet<>(java.util.List.of(
            "contacts.readonly", // find, search and reconcile contacts (GET /contacts/..., POST /contacts/search)
            "contacts.write", // create, upsert, update, delete, tag contacts; add/remove to workflows
            "opportunities.readonly", // find and page opportunities; list pipelines
            "opportunities.write", // create, move, change status, delete opportunities
            "conversations.readonly", // find a contact's conversation (GET /conversations/search)
            "conversations/message.readonly", // read a conversation's messages (reconcile unknown sends)
            "conversations/message.write", // send SMS and email
            "calendars.readonly", // list calendars and free slots
            "calendars/events.readonly", // read appointments
            "calendars/events.write", // book, move and cancel appointments
            "workflows.readonly", // list workflows (enrolment itself is contacts.write)
            "locations.readonly", // read the location (time zone) and an agency's locations
            "locations/customFields.readonly", // custom field types: multi-select and checkbox take arrays
            "users.readonly", // list the recruiters opportunities are assigned to
            "oauth.readonly", // list the locations an agency installed the app on
            "oauth.write"))); // mint location tokens from the agency token (/oauth/locationToken)

    /** What a static token is. */
    public enum TokenKind {
        /** A v2 Private Integration Token, sent to {@link #baseUrl()}. */
        PRIVATE_INTEGRATION,
        /** A legacy v1 location API key, sent to {@link #v1BaseUrl()}; contact search uses {@code GET /contacts/}. */
        V1_API_KEY
    }

    public GhlClientConfig {
        baseUrl = requireHttp(baseUrl, "baseUrl");
        v1BaseUrl = requireHttp(v1BaseUrl, "v1BaseUrl");
        marketplaceUrl = requireHttp(marketplaceUrl, "marketplaceUrl");
        staticToken = blankToEmpty(staticToken);
        clientId = blankToEmpty(clientId);
        clientSecret = blankToEmpty(clientSecret);
        Objects.requireNonNull(tokenKind, "tokenKind");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(defaultLocation, "defaultLocation");
        Objects.requireNonNull(defaultCompany, "defaultCompany");
        Objects.requireNonNull(rateLimit, "rateLimit");
        scopes = Set.copyOf(scopes == null || scopes.isEmpty() ? DEFAULT_SCOPES : scopes);
        versionOverrides = Map.copyOf(versionOverrides == null ? Map.of() : versionOverrides);
        boolean oauth = clientId.isPresent() || clientSecret.isPresent();
        if (staticToken.isPresent() == oauth) {
            throw new IllegalArgumentException(
                    "configure exactly one of: a static token, or an OAuth client id and client secret");
        }
        if (oauth && (clientId.isEmpty() || clientSecret.isEmpty())) {
            throw new IllegalArgumentException("OAuth needs both a client id and a client secret");
        }
        if (dailyLimit <= 0) {
            throw new IllegalArgumentException("dailyLimit must be positive");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(attemptTimeout, "attemptTimeout");
        requirePositive(permitTimeout, "permitTimeout");
        requirePositive(backoffBase, "backoffBase");
        requirePositive(backoffMax, "backoffMax");
        requirePositive(maxRateLimitWait, "maxRateLimitWait");
        requirePositive(breakerOpenFor, "breakerOpenFor");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1..10");
        }
        if (breakerFailures < 1) {
            throw new IllegalArgumentException("breakerFailures must be positive");
        }
        if (refreshSkew == null || refreshSkew.compareTo(Duration.ofSeconds(60)) < 0) {
            throw new IllegalArgumentException("refreshSkew must be at least 60 s");
        }
        if (userAgentVersion == null || userAgentVersion.isBlank() || !userAgentVersion.matches("[\\w.+-]{1,40}")) {
            throw new IllegalArgumentException("userAgentVersion must be a plain version string");
        }
        for (Map.Entry<String, String> e : versionOverrides.entrySet()) {
            if (!GhlService.KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException(
                        "unknown service in versionOverrides: " + e.getKey() + " (known: " + GhlService.KEYS + ")");
            }
            // GHL's Versions are dates; since its v3 specs (highlevel-api-docs PR #302) also "v3".
            if (!e.getValue().matches("\\d{4}-\\d{2}-\\d{2}|v3")) {
                throw new IllegalArgumentException("a Version is a date like 2021-07-28 or v3, not " + e.getValue());
            }
        }
    }

    /** A builder with production defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether this is an OAuth marketplace app (as opposed to a static token). */
    public boolean oauth() {
        return staticToken.isEmpty();
    }

    /** The base URL calls go to: the v1 URL for a v1 API key, the v2 URL otherwise. */
    public URI effectiveBaseUrl() {
        return staticToken.isPresent() && tokenKind == TokenKind.V1_API_KEY ? v1BaseUrl : baseUrl;
    }

    @Override
    public String toString() {
        return "GhlClientConfig[baseUrl=" + effectiveBaseUrl() + ", auth="
                + (oauth()
                        ? "oauth(clientId=" + mask(clientId.orElseThrow()) + ", clientSecret=***, redirectUri="
                                + redirectUri.map(URI::toString).orElse("-") + ", scopes=" + scopes.size() + ")"
                        : "static(" + tokenKind + ", token=***)")
                + ", defaultLocation=" + defaultLocation.map(LocationId::value).orElse("-")
                + ", defaultCompany=" + defaultCompany.map(CompanyId::value).orElse("-")
                + ", rateLimit=" + rateLimit + ", dailyLimit=" + dailyLimit
                + ", connectTimeout=" + connectTimeout + ", attemptTimeout=" + attemptTimeout
                + ", maxAttempts=" + maxAttempts + ", refreshSkew=" + refreshSkew
                + ", userAgentVersion=" + userAgentVersion + ", versionOverrides=" + versionOverrides + "]";
    }

    private static String mask(String id) {
        return id.length() <= 4 ? "***" : id.substring(0, 4) + "***";
    }

    private static URI requireHttp(URI uri, String what) {
        Objects.requireNonNull(uri, what);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null) {
            throw new IllegalArgumentException(what + " must carry no credentials and no query");
        }
        return uri;
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(s -> !s.isEmpty());
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    /**
     * A burst limit: at most {@code permits} requests per {@code period}.
     *
     * @param permits requests allowed per period
     * @param period  the window
     */
    public record RateLimit(int permits, Duration period) {
        private static final Pattern SHAPE = Pattern.compile("\\s*(\\d{1,7})\\s*/\\s*(\\d{1,7})?\\s*(ms|s|m|h|d)\\s*");

        public RateLimit {
            if (permits < 1) {
                throw new IllegalArgumentException("a rate limit needs at least one permit");
            }
            Objects.requireNonNull(period, "period");
            if (period.compareTo(Duration.ofMillis(1)) < 0) {
                throw new IllegalArgumentException("a rate limit period must be at least 1 ms");
            }
        }

        /**
         * Parses {@code RECRUITFLOW_GHL_RATE_LIMIT}: {@code 100/10s} (GHL's real limit), {@code 100/60s} (the
         * reference's), {@code 100/1s}, {@code 50/500ms}, {@code 1000/1h}, {@code 100/s}.
         */
        public static RateLimit parse(String text) {
            Matcher m = SHAPE.matcher(text == null ? "" : text);
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "rate limit must look like 100/10s (permits/period with ms|s|m|h|d), got '" + text + "'");
            }
            int permits = Integer.parseInt(m.group(1));
            long amount = m.group(2) == null ? 1 : Long.parseLong(m.group(2));
            Duration period = switch (m.group(3)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return new RateLimit(permits, period);
        }

        /** Permits per second. */
        public double perSecond() {
            return permits * 1_000_000_000.0 / period.toNanos();
        }

        @Override
        public String toString() {
            return permits + "/" + period.toMillis() + "ms";
        }
    }

    /** Builds a {@link GhlClientConfig}; unset fields keep their production defaults. */
    public static final class Builder {
        private URI baseUrl = DEFAULT_BASE_URL;
        private URI v1BaseUrl = DEFAULT_V1_BASE_URL;
        private URI marketplaceUrl = DEFAULT_MARKETPLACE_URL;
        private String staticToken;
        private TokenKind tokenKind = TokenKind.PRIVATE_INTEGRATION;
        private String clientId;
        private String clientSecret;
        private URI redirectUri;
        private Set<String> scopes = DEFAULT_SCOPES;
        private LocationId defaultLocation;
        private CompanyId defaultCompany;
        private RateLimit rateLimit = DEFAULT_RATE_LIMIT;
        private long dailyLimit = DEFAULT_DAILY_LIMIT;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration attemptTimeout = Duration.ofSeconds(30);
        private Duration permitTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 4;
        private Duration backoffBase = Duration.ofMillis(500);
        private Duration backoffMax = Duration.ofSeconds(20);
        private Duration maxRateLimitWait = Duration.ofSeconds(60);
        private int breakerFailures = 10;
        private Duration breakerOpenFor = Duration.ofSeconds(30);
        private Duration refreshSkew = Duration.ofMinutes(10);
        private String userAgentVersion = "0.1.0";
        private Map<String, String> versionOverrides = Map.of();

        private Builder() {}

        public Builder baseUrl(String url) {
            this.baseUrl = URI.create(url);
            return this;
        }

        public Builder v1BaseUrl(String url) {
            this.v1BaseUrl = URI.create(url);
            return this;
        }

        public Builder marketplaceUrl(String url) {
            this.marketplaceUrl = URI.create(url);
            return this;
        }
        /** A v2 Private Integration Token. */
        public Builder privateIntegrationToken(String token) {
            this.staticToken = token;
            this.tokenKind = TokenKind.PRIVATE_INTEGRATION;
            return this;
        }
        /** A legacy v1 API key; calls go to the v1 base URL. */
        public Builder v1ApiKey(String key) {
            this.staticToken = key;
            this.tokenKind = TokenKind.V1_API_KEY;
            return this;
        }

        public Builder oauth(String clientId, String clientSecret, String redirectUri) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.redirectUri = redirectUri == null || redirectUri.isBlank() ? null : URI.create(redirectUri);
            return this;
        }

        public Builder scopes(Set<String> scopes) {
            this.scopes = scopes;
            return this;
        }

        public Builder defaultLocation(String id) {
            this.defaultLocation = id == null || id.isBlank() ? null : new LocationId(id);
            return this;
        }

        public Builder defaultCompany(String id) {
            this.defaultCompany = id == null || id.isBlank() ? null : new CompanyId(id);
            return this;
        }
        /** {@code RECRUITFLOW_GHL_RATE_LIMIT}, e.g. {@code 100/10s}. */
        public Builder rateLimit(String spec) {
            this.rateLimit = RateLimit.parse(spec);
            return this;
        }

        public Builder rateLimit(RateLimit limit) {
            this.rateLimit = limit;
            return this;
        }

        public Builder dailyLimit(long limit) {
            this.dailyLimit = limit;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        public Builder attemptTimeout(Duration d) {
            this.attemptTimeout = d;
            return this;
        }

        public Builder permitTimeout(Duration d) {
            this.permitTimeout = d;
            return this;
        }

        public Builder maxAttempts(int n) {
            this.maxAttempts = n;
            return this;
        }

        public Builder backoff(Duration base, Duration max) {
            this.backoffBase = base;
            this.backoffMax = max;
            return this;
        }

        public Builder maxRateLimitWait(Duration d) {
            this.maxRateLimitWait = d;
            return this;
        }

        public Builder circuitBreaker(int failures, Duration openFor) {
            this.breakerFailures = failures;
            this.breakerOpenFor = openFor;
            return this;
        }

        public Builder refreshSkew(Duration d) {
            this.refreshSkew = d;
            return this;
        }

        public Builder userAgentVersion(String v) {
            this.userAgentVersion = v;
            return this;
        }

        public Builder versionOverrides(Map<String, String> overrides) {
            this.versionOverrides = overrides;
            return this;
        }

        public GhlClientConfig build() {
            return new GhlClientConfig(
                    baseUrl,
                    v1BaseUrl,
                    marketplaceUrl,
                    Optional.ofNullable(staticToken),
                    tokenKind,
                    Optional.ofNullable(clientId),
                    Optional.ofNullable(clientSecret),
                    Optional.ofNullable(redirectUri),
                    scopes,
                    Optional.ofNullable(defaultLocation),
                    Optional.ofNullable(defaultCompany),
                    rateLimit,
                    dailyLimit,
                    connectTimeout,
                    attemptTimeout,
                    permitTimeout,
                    maxAttempts,
                    backoffBase,
                    backoffMax,
                    maxRateLimitWait,
                    breakerFailures,
                    breakerOpenFor,
                    refreshSkew,
                    userAgentVersion,
                    versionOverrides);
        }
    }
}
