package io.recruitflow.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Immutable settings of a {@link GhlSandbox}. Start from {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * SandboxConfig.defaults().withPort(0).withRateLimit("100/1s")
 * }</pre>
 *
 * <p>The defaults are GHL's real behaviour: 100 requests per 10 s burst and 200,000 per day per token
 * resource, access tokens living one day, webhook retries only on 429, 6 times, 10 minutes apart plus a
 * random jitter of up to 100 s, on the sandbox's clock.
 */
public final class SandboxConfig {
    /**
     * Up to 100 s added to each 10-minute retry interval: GHL gives no figure for its jitter, but puts the
     * worst case of its six retries at about 1 h 10 min, i.e. 10 minutes of jitter over six intervals.
     */
    public static final Duration DEFAULT_WEBHOOK_RETRY_JITTER = Duration.ofSeconds(100);

    /** The most locations {@link #withLocations} seeds. */
    public static final int MAX_LOCATIONS = 10_000;

    private static final Pattern RATE = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)\\s*(ms|s|m|h)?");

    private final String host;
    private final int port;
    private final int burstLimit;
    private final Duration burstWindow;
    private final long dailyLimit;
    private final Duration accessTokenLifetime;
    private final int locationCount;
    private final Map<String, List<String>> workflowTriggerTags;
    private final List<URI> webhookUrls;
    private final int webhookMaxRetries;
    private final Duration webhookRetryInterval;
    private final Duration webhookRetryJitter;
    private final boolean allowDuplicateContacts;
    private final String ed25519PrivateKeyPem;
    private final String rsaPrivateKeyPem;
    private final Clock clock;

    private SandboxConfig(
            String host,
            int port,
            int burstLimit,
            Duration burstWindow,
            long dailyLimit,
            Duration accessTokenLifetime,
            int locationCount,
            Map<String, List<String>> workflowTriggerTags,
            List<URI> webhookUrls,
            int webhookMaxRetries,
            Duration webhookRetryInterval,
            Duration webhookRetryJitter,
            boolean allowDuplicateContacts,
            String ed25519PrivateKeyPem,
            String rsaPrivateKeyPem,
            Clock clock) {
        this.host = host;
        this.port = port;
        this.burstLimit = burstLimit;
        this.burstWindow = burstWindow;
        this.dailyLimit = dailyLimit;
        this.accessTokenLifetime = accessTokenLifetime;
        this.locationCount = locationCount;
        this.workflowTriggerTags = Map.copyOf(workflowTriggerTags);
        this.webhookUrls = List.copyOf(webhookUrls);
        this.webhookMaxRetries = webhookMaxRetries;
        this.webhookRetryInterval = webhookRetryInterval;
        this.webhookRetryJitter = webhookRetryJitter;
        this.allowDuplicateContacts = allowDuplicateContacts;
        this.ed25519PrivateKeyPem = ed25519PrivateKeyPem;
        this.rsaPrivateKeyPem = rsaPrivateKeyPem;
        this.clock = clock;
    }

    /** GHL's real limits on 127.0.0.1:8089. */
    public static SandboxConfig defaults() {
        return new SandboxConfig(
                "127.0.0.1",
                8089,
                100,
                Duration.ofSeconds(10),
                200_000,
                Duration.ofDays(1),
                0,
                Map.of(),
                List.of(),
                6,
                Duration.ofMinutes(10),
                DEFAULT_WEBHOOK_RETRY_JITTER,
                true,
                null,
                null,
                Clock.systemUTC());
    }

    /** The interface to bind; {@code 0.0.0.0} exposes the sandbox beyond this machine. */
    public SandboxConfig withHost(String host) {
        return new SandboxConfig(
                Objects.requireNonNull(host),
                port,
                burstLimit,
                burstWindow,
                dailyLimit,
                accessTokenLifetime,
                locationCount,
                workflowTriggerTags,
                webhookUrls,
                webhookMaxRetries,
                webhookRetryInterval,
                webhookRetryJitter,
                allowDuplicateContacts,
                ed25519PrivateKeyPem,
                rsaPrivateKeyPem,
                clock);
    }

    /** The TCP port; 0 picks a free one (see {@link GhlSandbox#port()}). */
    public SandboxConfig withPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return new SandboxConfig(
                host,
                port,
                burstLimit,
                burstWindow,
                dailyLimit,
                accessTokenLifetime,
                locationCount,
                workflowTriggerTags,
                webhookUrls,
                webhookMaxRetries,
                webhookRetryInterval,
                webhookRetryJitter,
                allowDuplicateContacts,
                ed25519PrivateKeyPem,
                rsaPrivateKeyPem,
                clock);
    }

    /**
     * The burst limit as {@code N/W}: N requests per window W in {@code ms}, {@code s} (default),
     * {@code m} or {@code h}. {@code 100/10s} is GHL's real limit, {@code 100/60s} the reference's,
     * {@code 100/1s} a fast one for tests.
     */
    public SandboxConfig withRateLimit(String spec) {
        Matcher m = RATE.matcher(spec.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("rate limit must look like 100/10s, was: " + spec);
        }
        int limit = Integer.parseInt(m.group(1));
        long amount = Long.parseLong(m.group(2));
        String unit = m.group(3) == null ? "s" : m.group(3);
        Duration window = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        return withRateLimit(limit, window);
    }

    /** The burst limit: {@code limit} requests per {@code window} per token resource. */
    public SandboxConfig withRateLimit(int limit, Duration window) {
        if (limit < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("rate limit must be positive");
        }
        return new SandboxConfig(
                host,
                port,
                limit,
                window,
                dailyLimit,
                accessTokenLifetime,
                locationCount,
                workflowTriggerTags,
                webhookUrls,
                webhookMaxRetries,
                webhookRetryInterval,
                webhookRetryJitter,
                allowDuplicateContacts,
                ed25519PrivateKeyPem,
                rsaPrivateKeyPem,
                clock);
    }

    /** Requests per day per token resource (GHL: 200,000). */
    public SandboxConfig withDailyLimit(long dailyLimit) {
        if (dailyLimit < 1) {
            throw new IllegalArgumentException("daily limit must be positive");
        }
        return new SandboxConfig(
                host,
                port,
                burstLimit,
                burstWindow,
                dailyLimit,
                accessTokenLifetime,
                locationCount,
                workflowTriggerTags,
                webhookUrls,
                webhookMaxRetries,
                webhookRetryInterval,
                webhookRetryJitter,
                allowDuplicateContacts,
                ed25519PrivateKeyPem,
                rsaPrivateKeyPem,
                clock);
    }

    /** How long OAuth access tokens live (GHL: about a day). */
    public SandboxConfig withAccessTokenLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive");
        }
        return new SandboxConfig(
                host,
                port,
                burstLimit,
                burstWindow,
                dailyLimit,
                lifetime,
                locationCount,
                workflowTriggerTags,
                webhookUrls,
                webhookMaxRetries,
                webhookRetryInterval,
                webhookRetryJitter,
                allowDuplicateContacts,
                ed25519PrivateKeyPem,
                rsaPrivateKeyPem,
                clock);
    }

    /**
     * Seeds {@code count} locations ({@code loc_0001}, {@code loc_0002}, ...) instead of the two default ones
     * ({@code loc_abc123}, {@code loc_def456}): the same pipeline, workflows, calendar and custom fields in each,
     * each with its own private integration token and its own rate-limit window, all in the one company whose
     * agency OAuth install reaches them (like {@code --locations N}). 0 keeps the two default locations.
     */
    public SandboxConfig withLocations(int count) {
        if (count < 0 || count > MAX_LOCATIONS) {
            throw new IllegalArgumentException("locations must be between 0 and " + MAX_LOCATIONS + ", was: " + count);
        }
        return new SandboxConfig(
                host,
                port,
                burstLimit,
                burstWindow,
                dailyLimit,
                accessTokenLifetime,
                count,
                workflowTriggerTags,
                webhookUrls,
                webhookMaxRetries,
                webhookRetryInterval,
                webhookRetryJitter,
                allowDuplicateContacts,
                ed25519PrivateKeyPem,
                rsaPrivateKeyPem,
                clock);
    }

    /**
     * Gives a seeded workflow the trigger "Contact Tag added" {@code tag} in every location (like
     * {@code --workflow-trigger wf_speed_to_lead=TAG}): a contact that gains the tag, by create, upsert, update
     * or the tags route, is enrolled in the workflow, as GHL's workflow engine does. Repeatable.
     */
    public SandboxConfig withWorkflowTrigger(String workflowId, String tag) {
        Objects.requireNonNull(workflowId);
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("trigger tag must not be blank");
        }
        Map<String, List<String>> triggers = new LinkedHashMap<>(workflowTriggerTags);
        List<String> tags = new ArrayList<>(triggers.getOrDefault(workflowId, List.of()));
        tags.add(tag.strip());
        triggers.put(workflowId, List.copyOf(tags));
        return new SandboxConfig(
                host,
                port,
                burstLimit,
                burstWindow,
                dailyLimit,
                accessTokenLifetime,
                locationCount,
                triggers,
                webhookUrls,
                webhookMaxRetries,
                webhookRetryInterval,
                webhookRetryJitter,
                allowDuplicateContacts,
                ed25519PrivateKeyPem,
                rsaPrivateKeyPem,
                clock);
    }

    /** Subscribes a webhook receiver from the start (like {@code --webhook-url}). */
    public SandboxConfig withWebhookUrl(URI url) {
        List<URI> urls = new ArrayList<>(webhookUrls);
        urls.add(Objects.requireNonNull(url));
        return new SandboxConfig(
                host,
                port,
                burstLimit,
                burstWindow,
                dailyLimit,
                accessTokenLifetime,
                locationCount,
                workflowTriggerTags,
                urls,
                webhookMaxRetries,
                webhookRetryInterval,
                webhookRetryJitter,
                allowDuplicateContacts,
                ed25519PrivateKeyPem,
                rsaPrivateKeyPem,
                clock);
    }

    /**
     * Webhook redelivery after a receiver's 429: how many retries and how far apart (GHL: 6, 10 min); the
     * jitter stays as configured.
     */
    public SandboxConfig withWebhookRetries(int maxRetries, Duration interval) {
        return withWebhookRetries(maxRetries, interval, webhookRetryJitter);
    }

    /**
     * Webhook redelivery after a receiver's 429: how many retries, how long after the previous attempt, and
     * the most random jitter added to each interval (GHL: 6, 10 min, a small pseudo-random offset; the
     * sandbox's default jitter of up to 100 s keeps six retries within GHL's stated worst case of about
     * 1 h 10 min). Retries are due on the sandbox's {@link #withClock clock}.
     */
    public SandboxConfig withWebhookRetries(int maxRetries, Duration interval, Duration jitter) {
        if (maxRetries < 0 || interval.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("retries, interval and jitter must not be negative");
        }
        return new SandboxConfig(
                host,
                port,
                burstLimit,
                burstWindow,
                dailyLimit,
                accessTokenLifetime,
                locationCount,
                workflowTriggerTags,
                webhookUrls,
                maxRetries,
                interval,
                jitter,
                allowDuplicateContacts,
                ed25519PrivateKeyPem,
                rsaPrivateKeyPem,
                clock);
    }

    /**
     * The locations' "Allow Duplicate Contact" setting for {@code POST /contacts/}. When on (default),
     * creating a contact whose email or phone already exists makes a duplicate, which
     * {@link SandboxStats#duplicateContacts()} counts; when off, GHL answers 400 with the existing id.
     * Upsert always deduplicates.
     */
    public SandboxConfig withAllowDuplicateContacts(boolean allow) {
        return new SandboxConfig(
                host,
                port,
                burstLimit,
                burstWindow,
                dailyLimit,
                accessTokenLifetime,
                locationCount,
                workflowTriggerTags,
                webhookUrls,
                webhookMaxRetries,
                webhookRetryInterval,
                webhookRetryJitter,
                allow,
                ed25519PrivateKeyPem,
                rsaPrivateKeyPem,
                clock);
    }

    /**
     * Signs webhooks with these private keys (PKCS#8 PEM) instead of generating them: Ed25519 for
     * {@code X-GHL-Signature}, RSA (4096-bit like GHL's) for {@code x-wh-signature}.
     */
    public SandboxConfig withWebhookSigningKeys(String ed25519PrivateKeyPem, String rsaPrivateKeyPem) {
        return new SandboxConfig(
                host,
                port,
                burstLimit,
                burstWindow,
                dailyLimit,
                accessTokenLifetime,
                locationCount,
                workflowTriggerTags,
                webhookUrls,
                webhookMaxRetries,
                webhookRetryInterval,
                webhookRetryJitter,
                allowDuplicateContacts,
                Objects.requireNonNull(ed25519PrivateKeyPem),
                Objects.requireNonNull(rsaPrivateKeyPem),
                clock);
    }

    /**
     * The clock for token expiry, timestamps, free slots and webhook retries (tests may pass a simulated clock
     * and move it: a retry due ten minutes later goes out as soon as the clock says so).
     */
    public SandboxConfig withClock(Clock clock) {
        return new SandboxConfig(
                host,
                port,
                burstLimit,
                burstWindow,
                dailyLimit,
                accessTokenLifetime,
                locationCount,
                workflowTriggerTags,
                webhookUrls,
                webhookMaxRetries,
                webhookRetryInterval,
                webhookRetryJitter,
                allowDuplicateContacts,
                ed25519PrivateKeyPem,
                rsaPrivateKeyPem,
                Objects.requireNonNull(clock));
    }

    /** The interface the server binds. */
    public String host() {
        return host;
    }

    /** The configured port (0: any free one). */
    public int port() {
        return port;
    }

    /** Requests allowed per burst window and token resource. */
    public int burstLimit() {
        return burstLimit;
    }

    /** The burst window. */
    public Duration burstWindow() {
        return burstWindow;
    }

    /** Requests allowed per day and token resource. */
    public long dailyLimit() {
        return dailyLimit;
    }

    /** How long OAuth access tokens live. */
    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    /** How many locations {@code loc_0001}... are seeded; 0 means the two default locations. */
    public int locationCount() {
        return locationCount;
    }

    /** Tags of the "Contact Tag added" triggers of each seeded workflow, by workflow id. */
    public Map<String, List<String>> workflowTriggerTags() {
        return workflowTriggerTags;
    }

    /** Webhook receivers subscribed at start. */
    public List<URI> webhookUrls() {
        return webhookUrls;
    }

    /** Redeliveries after a receiver answered 429. */
    public int webhookMaxRetries() {
        return webhookMaxRetries;
    }

    /** The pause before each redelivery, before jitter. */
    public Duration webhookRetryInterval() {
        return webhookRetryInterval;
    }

    /** The most random time added to each pause before a redelivery. */
    public Duration webhookRetryJitter() {
        return webhookRetryJitter;
    }

    /** Whether {@code POST /contacts/} may create a contact whose email or phone exists. */
    public boolean allowDuplicateContacts() {
        return allowDuplicateContacts;
    }

    String ed25519PrivateKeyPem() {
        return ed25519PrivateKeyPem;
    }

    String rsaPrivateKeyPem() {
        return rsaPrivateKeyPem;
    }

    /** The clock of the sandbox. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        // Never prints the signing keys.
        return "SandboxConfig[host=" + host + ", port=" + port + ", rateLimit=" + burstLimit + "/"
                + burstWindow.toMillis() + "ms, dailyLimit=" + dailyLimit + ", accessTokenLifetime="
                + accessTokenLifetime + ", locations=" + locationCount + ", workflowTriggers=" + workflowTriggerTags
                + ", webhookUrls=" + webhookUrls + ", webhookRetries="
                + webhookMaxRetries + "x" + webhookRetryInterval + "+0.." + webhookRetryJitter + "]";
    }
}
