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
 * @param storeTimeout          how long a webhook request waits for its commit before answering 429
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
        Duration storeTimeout) {

    public static final String ENV_PORT = "RECRUITFLOW_HTTP_PORT";
    public static final String ENV_ADMIN_TOKEN = "RECRUITFLOW_ADMIN_TOKEN";
    public static final String ENV_PUBLIC_KEYS = "RECRUITFLOW_WEBHOOK_PUBLIC_KEYS";
    public static final String ENV_ALLOW_UNSIGNED = "RECRUITFLOW_WEBHOOK_ALLOW_UNSIGNED";
    public static final String ENV_MAX_AGE = "RECRUITFLOW_WEBHOOK_MAX_AGE";
    public static final String ENV_MAX_SKEW = "RECRUITFLOW_WEBHOOK_MAX_SKEW";
    /** The symmetric window of earlier versions, replaced by {@link #ENV_MAX_AGE} and {@link #ENV_MAX_SKEW}. */
    public static final String ENV_TOLERANCE_SECONDS_REPLACED = "RECRUITFLOW_WEBHOOK_TOLERANCE_SECONDS";

    public static final String ENV_MAX_BODY_BYTES = "RECRUITFLOW_WEBHOOK_MAX_BODY_BYTES";

    public static final int DEFAULT_PORT = 8080;
    /**
     * Two hours. GHL retries a delivery answered 429 up to six times, each about ten minutes after the previous
     * attempt plus a random jitter, with the same payload and so the same {@code timestamp}; its help centre puts
     * the worst case at about 1 h 10 min ("Automated Webhook Retries"). Two hours leave some 50 minutes for the
     * delay before GHL's first attempt (its own queueing) and for clock skew. A replay inside the window is still
     * refused: the inbox never forgets a {@code webhookId} (see {@code EventInbox}).
     */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(2);
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
    }

    /**
     * Production defaults: port 8080, GHL's keys, signatures required, timestamps from 2 h old to 5 min ahead,
     * 1 MiB, no admin API.
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
                Duration.ofSeconds(5));
    }

    /**
     * Reads the configuration from environment variables ({@code RECRUITFLOW_HTTP_PORT},
     * {@code RECRUITFLOW_ADMIN_TOKEN}, {@code RECRUITFLOW_WEBHOOK_PUBLIC_KEYS},
     * {@code RECRUITFLOW_WEBHOOK_ALLOW_UNSIGNED}, {@code RECRUITFLOW_WEBHOOK_MAX_AGE},
     * {@code RECRUITFLOW_WEBHOOK_MAX_SKEW} (durations such as {@code 2h}, {@code 90m}, {@code 300s} or
     * {@code PT2H}), {@code RECRUITFLOW_WEBHOOK_MAX_BODY_BYTES}); anything unset keeps its default. The
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
                d.storeTimeout());
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
                storeTimeout);
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
                storeTimeout);
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
                storeTimeout);
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
                storeTimeout);
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
                storeTimeout);
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
                storeTimeout);
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
                timeout);
    }

    @Override
    public String toString() {
        return "WebhookConfig[port=" + port + ", adminToken=" + (adminToken.isPresent() ? "***" : "<none>")
                + ", publicKeysPath=" + publicKeysPath.map(Path::toString).orElse("<GHL published keys>")
                + ", allowUnsigned=" + allowUnsigned + ", maxAge=" + maxAge + ", maxSkew=" + maxSkew
                + ", maxBodyBytes=" + maxBodyBytes + ", groupCommitWindow=" + groupCommitWindow
                + ", groupCommitMaxEvents=" + groupCommitMaxEvents + ", maxPendingEvents=" + maxPendingEvents
                + ", storeTimeout=" + storeTimeout + "]";
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
