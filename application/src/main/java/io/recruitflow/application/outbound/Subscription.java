package io.recruitflow.application.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A receiver of Recruitflow's events: a name (its key in the outbox), an {@code https} URL, and the Standard Webhooks
 * secret its deliveries are signed with ({@code whsec_} and the base64 of 24 to 64 random bytes).
 *
 * <p>Only {@code https} URLs are accepted, except {@code http} to a loopback host ({@code localhost}, {@code
 * 127.0.0.0/8}, {@code ::1}) when {@code allowLoopbackHttp} is set, for development. No user information in the URL
 * (credentials would be logged with it), no fragment. The same check runs when the subscription is configured and
 * before every send.
 */
public record Subscription(String name, URI url, String secret) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final String SECRET_PREFIX = "whsec_";

    public Subscription {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a subscription's name is 1..63 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        secretKey(secret); // validates
    }

    /** The subscription of {@code name} at {@code url}, checked ({@link #check}). */
    public static Subscription of(String name, String url, String secret, boolean allowLoopbackHttp) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("subscription " + name + ": not a URL");
        }
        Optional<String> problem = check(uri, allowLoopbackHttp);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("subscription " + name + ": " + problem.get());
        }
        return new Subscription(name, uri, secret);
    }

    /** What is wrong with {@code url} as a receiver, or empty when it may be sent to. */
    public static Optional<String> check(URI url, boolean allowLoopbackHttp) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (!url.isAbsolute() || host == null || host.isBlank()) {
            return Optional.of("the URL must be absolute, with a host");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("the URL must not carry credentials (user:password@)");
        }
        if (url.getRawFragment() != null) {
            return Optional.of("the URL must not have a fragment");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && isLoopback(host)) {
            return allowLoopbackHttp
                    ? Optional.empty()
                    : Optional.of("http is allowed only to a loopback host and only with"
                            + " RECRUITFLOW_EVENTS_ALLOW_LOOPBACK_HTTP=true (development)");
        }
        return Optional.of("the URL must be https (http only to a loopback host, in development)");
    }

    /** Whether {@code host} is loopback by its literal form: {@code localhost}, {@code 127.x.x.x} or {@code ::1}. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        // Only literals: a name is never resolved here (its address may change between the check and the send).
        if (h.matches("[0-9.]+") || h.contains(":")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** The HMAC key of a {@code whsec_} secret. */
    public static byte[] secretKey(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a subscription's secret must start with whsec_");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a subscription's secret must be whsec_ and base64");
        }
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("a subscription's secret must hold 24 to 64 bytes (32 recommended)");
        }
        return key;
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "Subscription[" + name + " → " + url + ", secret=whsec_****]";
    }
}
