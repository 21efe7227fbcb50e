package io.recruitflow.adapter.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts OAuth tokens at rest with AES-256-GCM (JDK {@code javax.crypto}): a random 12-byte nonce per
 * value, a 128-bit tag, and associated data naming the owner and the field, so a ciphertext copied to
 * another owner's row (or from the refresh to the access column) fails to decrypt instead of being used.
 * Stored form: {@code version(1) || nonce(12) || ciphertext+tag}. Never logs or prints the key.
 *
 * <p>Key rotation: a cipher may also hold the previous key ({@code RECRUITFLOW_SECRET_KEY_PREVIOUS}, {@link
 * #withPrevious}). It encrypts with the current key only and decrypts with either; {@link #open} says which one
 * it took, so that the values still under the previous key are re-encrypted (at start, {@link
 * PostgresCredentialStore#reencrypt}).
 */
public final class TokenCipher {
    private static final byte FORMAT_V1 = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final Optional<SecretKeySpec> previous;
    private final SecureRandom random = new SecureRandom();

    private TokenCipher(SecretKeySpec key, Optional<SecretKeySpec> previous) {
        this.key = key;
        this.previous = previous;
    }

    /** A cipher for the base64 of a 32-byte key (the {@code RECRUITFLOW_SECRET_KEY} format). */
    public static TokenCipher fromBase64(String base64Key) {
        return new TokenCipher(keyOf(base64Key), Optional.empty());
    }

    /**
     * The same cipher that also decrypts what {@code previousBase64Key} encrypted (the key before a rotation,
     * {@code RECRUITFLOW_SECRET_KEY_PREVIOUS}); it still encrypts with the current key only.
     */
    public TokenCipher withPrevious(String previousBase64Key) {
        SecretKeySpec old = keyOf(previousBase64Key);
        return java.util.Arrays.equals(old.getEncoded(), key.getEncoded())
                ? this
                : new TokenCipher(key, Optional.of(old));
    }

    /** Whether a previous key is held, i.e. values may still be under it. */
    public boolean hasPrevious() {
        return previous.isPresent();
    }

    private static SecretKeySpec keyOf(String base64Key) {
        Objects.requireNonNull(base64Key, "base64Key");
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("token encryption key is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("token encryption key must be 32 bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** A fresh random key, base64-encoded. */
    public static String generateKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    byte[] encrypt(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(FORMAT_V1)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    /**
     * Decrypts; a wrong key, a tampered value or a value stored for another owner fails with a message that
     * names only {@code associatedData}.
     */
    String decrypt(byte[] stored, String associatedData) {
        return open(stored, associatedData).plaintext();
    }

    /** A decrypted value, and whether it was under the previous key (so it should be encrypted again). */
    record Opened(String plaintext, boolean underPreviousKey) {}

    /** {@link #decrypt}, saying which key it took: the current one first, then the previous one. */
    Opened open(byte[] stored, String associatedData) {
        if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != FORMAT_V1) {
            throw new TokenDecryptionException("stored token of " + associatedData + " has an unknown format");
        }
        Optional<String> plain = decryptWith(key, stored, associatedData);
        if (plain.isPresent()) {
            return new Opened(plain.get(), false);
        }
        Optional<String> old = previous.flatMap(p -> decryptWith(p, stored, associatedData));
        if (old.isPresent()) {
            return new Opened(old.get(), true);
        }
        throw new TokenDecryptionException("stored token of " + associatedData + " cannot be decrypted: wrong "
                + (previous.isPresent()
                        ? "RECRUITFLOW_SECRET_KEY and RECRUITFLOW_SECRET_KEY_PREVIOUS"
                        : "RECRUITFLOW_SECRET_KEY")
                + " or the row was altered");
    }

    /** The plaintext, or empty when the tag does not match under this key. */
    private static Optional<String> decryptWith(SecretKeySpec key, byte[] stored, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "TokenCipher[AES-256-GCM, key=***" + (previous.isPresent() ? ", previous=***" : "") + "]";
    }

    /** A stored token could not be decrypted. The message never contains key or token material. */
    public static final class TokenDecryptionException extends RuntimeException {
        TokenDecryptionException(String message) {
            super(message);
        }
    }
}
