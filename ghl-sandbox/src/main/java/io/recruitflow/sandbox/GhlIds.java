package io.recruitflow.sandbox;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/** GHL-looking identifiers (20 alphanumerics) and unguessable secrets. */
final class GhlIds {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom SECURE = new SecureRandom();

    private GhlIds() {}

    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] chars = new char[20];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    /**
     * A request's traceId: a random (version 4) UUID drawn from ThreadLocalRandom, because
     * UUID.randomUUID() serialises every request on one SecureRandom.
     */
    static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(high, low).toString();
    }

    /** {@code length} lowercase hex digits (GHL's Mongo-style ids such as an app id). */
    static String hex(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    /** A secret (token, client secret, code): drawn from SecureRandom, never logged. */
    static String secret(String prefix, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[SECURE.nextInt(ALPHABET.length)];
        }
        return prefix + new String(chars);
    }
}
