package io.recruitflow.adapter.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration of the inbound HTTP server: listening port, admin token, the webhook public keys,
 * the development switch for unsigned webhooks, the replay window, the body limit and the group
 * commit of the webhook inbox. Immutable and validated; {@link #toString()} masks the admin token.
 *
 * @param port                  TCP port; 0 picks a free one (tests)
 * @param adminToken            the bearer token of the admin API; empty disables the admin API (every
 *                              call answers 401)
 * @param publicKeysPath        a PEM file with one or more Ed25519 and RSA public keys; empty means GHL's
 *                              published keys (bundled)
 * @param allowUnsigned         development only: accept webhooks that carry no signature header at all
 * @param maxAge                how old a webhook's {@code timestamp} may be: GHL re-sends the same signed
 *                              payload (same {@code timestamp}) when it retries after a 429, six times about
 *                              ten minutes apart, so this must outlast its retries
 * @param maxSkew               how far in the future a {@code timestamp} may be: clock skew only
 * @param maxBodyBytes          larger webhook bodies are refused with 413 and never stored
 * @param groupCommitWindow     how long the inbox writer waits for more events before committing a batch
 *                              (zero: commit whatever is queued at once)
 * @param groupCommitMaxEvents  most events stored by one commit
 * @param maxPendingEvents      most events waiting for a commit; beyond it requests answer 429 at once
 * @param storeTimeout          how long after its arrival at the server (thread and body waits included) a
 *                              webhook waits for its commit before answering 429
 * @param importMaxBytes        the largest lead file {@code POST /api/recruits/import} takes: a larger declared
 *                              length is refused with 413 before anything is read, a longer streamed body with
 *                              413 at the limit, the row cut by it not accepted
 * @param metricsAuth           whether {@code GET /metrics} needs the admin token ({@link MetricsAuth#TOKEN})
 * @param metricsLocationLabels whether metrics may carry GHL location ids as labels; off, the labels that name
 *                              a location ({@link RecruitflowMetrics#LOCATION_TAGS}) are dropped
 */
public record WebhookConfig(
        int port,
        Optional<String> adminToken,
        Optional<Path> publicKeysPath,
        boolean allowUnsigned,
        Duration maxAge,
        Duration maxSkew,
        int maxBodyBytes,
        Duration groupCommitWindow,
        int groupCommitMaxEvents,
        int maxPendingEvents,
        Duration storeTimeout,
        long importMaxBytes,
        MetricsAuth metricsAuth,
        boolean metricsLocationLabels) {

    public static final String ENV_PORT = "RECRUITFLOW_HTTP_PORT";
    public static final String ENV_ADMIN_TOKEN = "RECRUITFLOW_ADMIN_TOKEN";
    public static final String ENV_PUBLIC_KEYS = "RECRUITFLOW_WEBHOOK_PUBLIC_KEYS";
    public static final String ENV_ALLOW_UNSIGNED = "RECRUITFLOW_WEBHOOK_ALLOW_UNSIGNED";
    public static final String ENV_MAX_AGE = "RECRUITFLOW_WEBHOOK_MAX_AGE";
    public static final String ENV_MAX_SKEW = "RECRUITFLOW_WEBHOOK_MAX_SKEW";
    /** The symmetric window of earlier versions, replaced by {@link #ENV_MAX_AGE} and {@link #ENV_MAX_SKEW}. */
    public static final String ENV_TOLERANCE_SECONDS_REPLACED = "RECRUITFLOW_WEBHOOK_TOLERANCE_SECONDS";

    public static final String ENV_MAX_BODY_BYTES = "RECRUITFLOW_WEBHOOK_MAX_BODY_BYTES";
    public static final String ENV_IMPORT_MAX_BYTES = "RECRUITFLOW_IMPORT_MAX_BYTES";
    public static final String ENV_METRICS_AUTH = "RECRUITFLOW_METRICS_AUTH";
    public static final String ENV_METRICS_LOCATION_LABELS = "RECRUITFLOW_METRICS_LOCATION_LABELS";

    /** Who may read {@code GET /metrics}. */
    public enum MetricsAuth {
        /** Anyone who reaches the port, as Prometheus scrapes by default. */
        NONE,
        /** Only a request with {@code Authorization: Bearer <admin token>} (Prometheus: {@code authorization}). */
        TOKEN;

        /** {@code none} or {@code token}, in any case. */
        public static MetricsAuth parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "token" -> TOKEN;
                default -> throw new IllegalArgumentException("must be token or none, not '" + text.strip() + "'");
            };
        }
    }

    /** 50 MiB: some 250,000 leads of a typical export; a larger file is better split. */
    public static final long DEFAULT_IMPORT_MAX_BYTES = 50L * 1024 * 1024;

    public static final int DEFAULT_PORT = 8080;
    /**
     * Two hours. GHL retries a delivery answered 429 up to six times, each about ten minutes after the previous
     * attempt plus a random jitter, with the same payload and so the same {@code timestamp}; its help centre puts
     * the worst case at about 1 h 10 min ("Automated Webhook Retries"). Two hours leave some 50 minutes for the
     * delay before GHL's first attempt (its own queueing) and for clock skew. A replay inside the window is still
     * refused: the inbox never forgets a {@code webhookId} (see {@code EventInbox}).
     */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(2);

    /**
     * A webhook is answered within this time of its arrival: 200 once stored, else 429 (GHL sends it again).
     * GHL documents no timeout for its webhook requests, and a request it gives up on is lost (it retries only
     * a 429); other senders allow 2 s (Toast) to 15 s (Calendly), 3–5 s being common (Pusher, Twilio). Three
     * seconds stays under all but the strictest; a commit normally takes milliseconds (the slowest answer in
     * the 2,000-lead run with the sandbox was 0.36 s).
     */
    public static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofSeconds(3);
    /** Five minutes: a timestamp from the future can only be clock skew, which NTP keeps far below this. */
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(5);
    /** GHL's last retry comes about 70 minutes after the first attempt; a shorter window loses retried events. */
    public static final Duration GHL_RETRY_HORIZON = Duration.ofMinutes(70);
    /** Beyond a week the timestamp check means nothing; GHL never delivers that late. */
    public static final Duration MAX_MAX_AGE = Duration.ofDays(7);
    /** A future timestamp beyond an hour is not skew but a wrong clock. */
    public static final Duration MAX_MAX_SKEW = Duration.ofHours(1);

    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** An admin token shorter than this is refused: it would be guessable. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    public WebhookConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        Objects.requireNonNull(adminToken, "adminToken");
        adminToken = adminToken.filter(t -> !t.isBlank());
        if (adminToken.isPresent() && adminToken.get().length() < MIN_ADMIN_TOKEN_LENGTH) {
            // Never echo the token itself.
            throw new IllegalArgumentException(
                    ENV_ADMIN_TOKEN + " must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters");
        }
        Objects.requireNonNull(publicKeysPath, "publicKeysPath");
        requirePositive(maxAge, "maxAge");
        if (maxAge.compareTo(MAX_MAX_AGE) > 0) {
            throw new IllegalArgumentException(
                    "maxAge must be at most " + MAX_MAX_AGE.toDays() + " days, was " + maxAge);
        }
        requirePositive(maxSkew, "maxSkew");
        if (maxSkew.compareTo(MAX_MAX_SKEW) > 0) {
            throw new IllegalArgumentException("maxSkew must be at most 1 hour, was " + maxSkew);
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be 1 KiB..64 MiB, was " + maxBodyBytes);
        }
        Objects.requireNonNull(groupCommitWindow, "groupCommitWindow");
        if (groupCommitWindow.isNegative() || groupCommitWindow.compareTo(Duration.ofMillis(50)) > 0) {
            throw new IllegalArgumentException("groupCommitWindow must be 0..50 ms, was " + groupCommitWindow);
        }
        if (groupCommitMaxEvents < 1 || groupCommitMaxEvents > 10_000) {
            throw new IllegalArgumentException("groupCommitMaxEvents must be 1..10000, was " + groupCommitMaxEvents);
        }
        if (maxPendingEvents < groupCommitMaxEvents) {
            throw new IllegalArgumentException("maxPendingEvents must be at least groupCommitMaxEvents");
        }
        requirePositive(storeTimeout, "storeTimeout");
        if (importMaxBytes < 1024) {
            throw new IllegalArgumentException("importMaxBytes must be at least 1 KiB, was " + importMaxBytes);
        }
        Objects.requireNonNull(metricsAuth, "metricsAuth");
        if (metricsAuth == MetricsAuth.TOKEN && adminToken.isEmpty()) {
            throw new IllegalArgumentException(
                    ENV_METRICS_AUTH + "=token needs " + ENV_ADMIN_TOKEN + ": /metrics would refuse every scrape");
        }
    }

    /**
     * Production defaults: port 8080, GHL's keys, signatures required, timestamps from 2 h old to 5 min ahead,
     * 1 MiB, no admin API, lead files up to 50 MiB, {@code /metrics} open and without location ids.
     */
    public static WebhookConfig defaults() {
        return new WebhookConfig(
                DEFAULT_PORT,
                Optional.empty(),
                Optional.empty(),
                false,
                DEFAULT_MAX_AGE,
                DEFAULT_MAX_SKEW,
                DEFAULT_MAX_BODY_BYTES,
                Duration.ofMillis(1),
                256,
                20_000,
                DEFAULT_STORE_TIMEOUT,
                DEFAULT_IMPORT_MAX_BYTES,
                MetricsAuth.NONE,
                false);
    }

    /**
     * Reads the configuration from environment variables ({@code RECRUITFLOW_HTTP_PORT},
     * {@code RECRUITFLOW_ADMIN_TOKEN}, {@code RECRUITFLOW_WEBHOOK_PUBLIC_KEYS},
     * {@code RECRUITFLOW_WEBHOOK_ALLOW_UNSIGNED}, {@code RECRUITFLOW_WEBHOOK_MAX_AGE},
     * {@code RECRUITFLOW_WEBHOOK_MAX_SKEW} (durations such as {@code 2h}, {@code 90m}, {@code 300s} or
     * {@code PT2H}), {@code RECRUITFLOW_WEBHOOK_MAX_BODY_BYTES}, {@code RECRUITFLOW_IMPORT_MAX_BYTES} (bytes, or
     * with a unit: {@code 50MiB}), {@code RECRUITFLOW_METRICS_AUTH} ({@code token} or {@code none}),
     * {@code RECRUITFLOW_METRICS_LOCATION_LABELS}); anything unset keeps its default. The
     * symmetric {@code RECRUITFLOW_WEBHOOK_TOLERANCE_SECONDS} of earlier versions is refused with a message
     * naming its replacements, rather than silently applied to both directions.
     */
    public static WebhookConfig fromEnvironment(Map<String, String> env) {
        if (env.containsKey(ENV_TOLERANCE_SECONDS_REPLACED)) {
            throw new IllegalArgumentException(ENV_TOLERANCE_SECONDS_REPLACED + " is replaced by " + ENV_MAX_AGE
                    + " (how old a timestamp may be, default 2h) and " + ENV_MAX_SKEW
                    + " (how far ahead, default 5m)");
        }
        WebhookConfig d = defaults();
        return new WebhookConfig(
                intValue(env, ENV_PORT, d.port()),
                Optional.ofNullable(env.get(ENV_ADMIN_TOKEN)),
                Optional.ofNullable(env.get(ENV_PUBLIC_KEYS))
                        .filter(s -> !s.isBlank())
                        .map(Path::of),
                Boolean.parseBoolean(
                        env.getOrDefault(ENV_ALLOW_UNSIGNED, "false").strip()),
                durationValue(env, ENV_MAX_AGE, d.maxAge()),
                durationValue(env, ENV_MAX_SKEW, d.maxSkew()),
                intValue(env, ENV_MAX_BODY_BYTES, d.maxBodyBytes()),
                d.groupCommitWindow(),
                d.groupCommitMaxEvents(),
                d.maxPendingEvents(),
                d.storeTimeout(),
                byteSize(env, ENV_IMPORT_MAX_BYTES, d.importMaxBytes()),
                Optional.ofNullable(env.get(ENV_METRICS_AUTH))
                        .filter(t -> !t.isBlank())
                        .map(t -> {
                            try {
                                return MetricsAuth.parse(t);
                            } catch (IllegalArgumentException e) {
                                throw new IllegalArgumentException(ENV_METRICS_AUTH + " " + e.getMessage(), e);
                            }
                        })
                        .orElse(d.metricsAuth()),
                Boolean.parseBoolean(
                        env.getOrDefault(ENV_METRICS_LOCATION_LABELS, "false").strip()));
    }

    public WebhookConfig withPort(int newPort) {
        return new WebhookConfig(
                newPort,
                adminToken,
                publicKeysPath,
                allowUnsigned,
                maxAge,
                maxSkew,
                maxBodyBytes,
                groupCommitWindow,
                groupCommitMaxEvents,
                maxPendingEvents,
                storeTimeout,
                importMaxBytes,
                metricsAuth,
                metricsLocationLabels);
    }

    public WebhookConfig withAdminToken(String token) {
        return new WebhookConfig(
                port,
                Optional.ofNullable(token),
                publicKeysPath,
                allowUnsigned,
                maxAge,
                maxSkew,
                maxBodyBytes,
                groupCommitWindow,
                groupCommitMaxEvents,
                maxPendingEvents,
                storeTimeout,
                importMaxBytes,
                metricsAuth,
                metricsLocationLabels);
    }

    public WebhookConfig withPublicKeys(Path pem) {
        return new WebhookConfig(
                port,
                adminToken,
                Optional.of(pem),
                allowUnsigned,
                maxAge,
                maxSkew,
                maxBodyBytes,
                groupCommitWindow,
                groupCommitMaxEvents,
                maxPendingEvents,
                storeTimeout,
                importMaxBytes,
                metricsAuth,
                metricsLocationLabels);
    }

    public WebhookConfig withAllowUnsigned(boolean allow) {
        return new WebhookConfig(
                port,
                adminToken,
                publicKeysPath,
                allow,
                maxAge,
                maxSkew,
                maxBodyBytes,
                groupCommitWindow,
                groupCommitMaxEvents,
                maxPendingEvents,
                storeTimeout,
                importMaxBytes,
                metricsAuth,
                metricsLocationLabels);
    }

    /** The replay window: a timestamp at most {@code newMaxAge} old and at most {@code newMaxSkew} ahead. */
    public WebhookConfig withReplayWindow(Duration newMaxAge, Duration newMaxSkew) {
        return new WebhookConfig(
                port,
                adminToken,
                publicKeysPath,
                allowUnsigned,
                newMaxAge,
                newMaxSkew,
                maxBodyBytes,
                groupCommitWindow,
                groupCommitMaxEvents,
                maxPendingEvents,
                storeTimeout,
                importMaxBytes,
                metricsAuth,
                metricsLocationLabels);
    }

    public WebhookConfig withGroupCommit(Duration window, int maxEvents, int maxPending) {
        return new WebhookConfig(
                port,
                adminToken,
                publicKeysPath,
                allowUnsigned,
                maxAge,
                maxSkew,
                maxBodyBytes,
                window,
                maxEvents,
                maxPending,
                storeTimeout,
                importMaxBytes,
                metricsAuth,
                metricsLocationLabels);
    }

    public WebhookConfig withStoreTimeout(Duration timeout) {
        return new WebhookConfig(
                port,
                adminToken,
                publicKeysPath,
                allowUnsigned,
                maxAge,
                maxSkew,
                maxBodyBytes,
                groupCommitWindow,
                groupCommitMaxEvents,
                maxPendingEvents,
                timeout,
                importMaxBytes,
                metricsAuth,
                metricsLocationLabels);
    }

    /** The largest lead file the admin API's import takes. */
    public WebhookConfig withImportMaxBytes(long maxBytes) {
        return new WebhookConfig(
                port,
                adminToken,
                publicKeysPath,
                allowUnsigned,
                maxAge,
                maxSkew,
                maxBodyBytes,
                groupCommitWindow,
                groupCommitMaxEvents,
                maxPendingEvents,
                storeTimeout,
                maxBytes,
                metricsAuth,
                metricsLocationLabels);
    }

    /** Who may read {@code /metrics}, and whether its labels may name locations. */
    public WebhookConfig withMetrics(MetricsAuth auth, boolean locationLabels) {
        return new WebhookConfig(
                port,
                adminToken,
                publicKeysPath,
                allowUnsigned,
                maxAge,
                maxSkew,
                maxBodyBytes,
                groupCommitWindow,
                groupCommitMaxEvents,
                maxPendingEvents,
                storeTimeout,
                importMaxBytes,
                auth,
                locationLabels);
    }

    @Override
    public String toString() {
        return "WebhookConfig[port=" + port + ", adminToken=" + (adminToken.isPresent() ? "***" : "<none>")
                + ", publicKeysPath=" + publicKeysPath.map(Path::toString).orElse("<GHL published keys>")
                + ", allowUnsigned=" + allowUnsigned + ", maxAge=" + maxAge + ", maxSkew=" + maxSkew
                + ", maxBodyBytes=" + maxBodyBytes + ", groupCommitWindow=" + groupCommitWindow
                + ", groupCommitMaxEvents=" + groupCommitMaxEvents + ", maxPendingEvents=" + maxPendingEvents
                + ", storeTimeout=" + storeTimeout + ", importMaxBytes=" + importMaxBytes + ", metricsAuth="
                + metricsAuth + ", metricsLocationLabels=" + metricsLocationLabels + "]";
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    private static Duration durationValue(Map<String, String> env, String name, Duration fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return parseDuration(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    /**
     * A duration as settings write it: a whole number with a unit ({@code 500ms}, {@code 300s}, {@code 90m},
     * {@code 2h}, {@code 1d}) or ISO-8601 ({@code PT2H}).
     */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text.strip() + "' is not a duration (expected e.g. 2h, 90m, 300s or PT2H)");
        }
    }

    private static long byteSize(Map<String, String> env, String name, long fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return parseByteSize(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static final Pattern BYTE_SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|k|mb|mib|m|gb|gib|g)?");

    /**
     * A size as settings write it: bytes ({@code 52428800}) or a whole number with a unit: {@code KiB},
     * {@code MiB}, {@code GiB} (powers of 1024) or {@code KB}, {@code MB}, {@code GB} (powers of 1000), any case.
     */
    public static long parseByteSize(String text) {
        Matcher m = BYTE_SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text.strip() + "' is not a size (expected bytes, or e.g. 50MiB, 512KiB, 1GB)");
        }
        long n = Long.parseLong(m.group(1));
        long unit = m.group(2) == null
                ? 1
                : switch (m.group(2)) {
                    case "kb" -> 1000L;
                    case "kib", "k" -> 1024L;
                    case "mb" -> 1000L * 1000;
                    case "mib", "m" -> 1024L * 1024;
                    case "gb" -> 1000L * 1000 * 1000;
                    case "gib", "g" -> 1024L * 1024 * 1024;
                    default -> 1L;
                };
        return Math.multiplyExact(n, unit);
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number", e);
        }
    }
}
