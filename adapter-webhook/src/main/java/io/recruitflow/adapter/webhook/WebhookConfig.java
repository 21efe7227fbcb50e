package io.recruitflow.adapter.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param timestampTolerance    how far a webhook's {@code timestamp} may be from our clock, either way
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
        Duration timestampTolerance,
        int maxBodyBytes,
        Duration groupCommitWindow,
        int groupCommitMaxEvents,
        int maxPendingEvents,
        Duration storeTimeout) {

    public static final String ENV_PORT = "RECRUITFLOW_HTTP_PORT";
    public static final String ENV_ADMIN_TOKEN = "RECRUITFLOW_ADMIN_TOKEN";
    public static final String ENV_PUBLIC_KEYS = "RECRUITFLOW_WEBHOOK_PUBLIC_KEYS";
    public static final String ENV_ALLOW_UNSIGNED = "RECRUITFLOW_WEBHOOK_ALLOW_UNSIGNED";
    public static final String ENV_TOLERANCE_SECONDS = "RECRUITFLOW_WEBHOOK_TOLERANCE_SECONDS";
    public static final String ENV_MAX_BODY_BYTES = "RECRUITFLOW_WEBHOOK_MAX_BODY_BYTES";

    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
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
        requirePositive(timestampTolerance, "timestampTolerance");
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

    /** Production defaults: port 8080, GHL's keys, signatures required, ±5 min, 1 MiB, no admin API. */
    public static WebhookConfig defaults() {
        return new WebhookConfig(
                DEFAULT_PORT,
                Optional.empty(),
                Optional.empty(),
                false,
                DEFAULT_TOLERANCE,
                DEFAULT_MAX_BODY_BYTES,
                Duration.ofMillis(1),
                256,
                20_000,
                Duration.ofSeconds(5));
    }

    /**
     * Reads the configuration from environment variables ({@code RECRUITFLOW_HTTP_PORT},
     * {@code RECRUITFLOW_ADMIN_TOKEN}, {@code RECRUITFLOW_WEBHOOK_PUBLIC_KEYS},
     * {@code RECRUITFLOW_WEBHOOK_ALLOW_UNSIGNED}, {@code RECRUITFLOW_WEBHOOK_TOLERANCE_SECONDS},
     * {@code RECRUITFLOW_WEBHOOK_MAX_BODY_BYTES}); anything unset keeps its default.
     */
    public static WebhookConfig fromEnvironment(Map<String, String> env) {
        WebhookConfig d = defaults();
        return new WebhookConfig(
                intValue(env, ENV_PORT, d.port()),
                Optional.ofNullable(env.get(ENV_ADMIN_TOKEN)),
                Optional.ofNullable(env.get(ENV_PUBLIC_KEYS))
                        .filter(s -> !s.isBlank())
                        .map(Path::of),
                Boolean.parseBoolean(
                        env.getOrDefault(ENV_ALLOW_UNSIGNED, "false").strip()),
                Duration.ofSeconds(intValue(
                        env, ENV_TOLERANCE_SECONDS, (int) d.timestampTolerance().toSeconds())),
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
                timestampTolerance,
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
                timestampTolerance,
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
                timestampTolerance,
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
                timestampTolerance,
                maxBodyBytes,
                groupCommitWindow,
                groupCommitMaxEvents,
                maxPendingEvents,
                storeTimeout);
    }

    public WebhookConfig withTimestampTolerance(Duration tolerance) {
        return new WebhookConfig(
                port,
                adminToken,
                publicKeysPath,
                allowUnsigned,
                tolerance,
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
                timestampTolerance,
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
                timestampTolerance,
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
                + ", allowUnsigned=" + allowUnsigned + ", timestampTolerance=" + timestampTolerance
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
