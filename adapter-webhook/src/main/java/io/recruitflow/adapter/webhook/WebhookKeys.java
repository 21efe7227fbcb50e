package io.recruitflow.adapter.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The public keys webhook signatures are checked against: Ed25519 keys for {@code X-GHL-Signature}
 * and RSA keys for the legacy {@code x-wh-signature}. Several keys of each kind may be active at once
 * so that GHL can rotate them.
 */
final class WebhookKeys {

    static final String GHL_DEFAULT_RESOURCE = "ghl-webhook-public-keys.pem";

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+?)-----END PUBLIC KEY-----");
    /** GHL signs with RSA-4096; anything under 2048 bits is not worth trusting. */
    private static final int MIN_RSA_BITS = 2048;

    private final List<PublicKey> ed25519;
    private final List<Ed25519PublicKeyParameters> ed25519Verifiers;
    private final List<PublicKey> rsa;

    private WebhookKeys(List<PublicKey> ed25519, List<PublicKey> rsa) {
        if (ed25519.isEmpty() && rsa.isEmpty()) {
            throw new IllegalArgumentException("no Ed25519 or RSA public key found");
        }
        this.ed25519 = List.copyOf(ed25519);
        this.ed25519Verifiers = ed25519.stream().map(WebhookKeys::bouncyCastle).toList();
        this.rsa = List.copyOf(rsa);
    }

    /** The same key for Bouncy Castle, which verifies Ed25519 about ten times faster than JDK 17's provider. */
    private static Ed25519PublicKeyParameters bouncyCastle(PublicKey key) {
        try {
            return (Ed25519PublicKeyParameters) PublicKeyFactory.createKey(key.getEncoded());
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** GHL's two published keys, bundled with this module. */
    static WebhookKeys ghlPublished() {
        try (InputStream in = WebhookKeys.class.getResourceAsStream(GHL_DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + GHL_DEFAULT_RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every {@code PUBLIC KEY} block of a PEM file. */
    static WebhookKeys fromFile(Path pem) {
        try {
            return parse(Files.readString(pem, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read webhook public keys from " + pem, e);
        }
    }

    /** Parses PEM text with one or more SubjectPublicKeyInfo blocks; other blocks and text are skipped. */
    static WebhookKeys parse(String pemText) {
        List<PublicKey> ed = new ArrayList<>();
        List<PublicKey> rsa = new ArrayList<>();
        Matcher m = PEM_BLOCK.matcher(pemText);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(1));
            PublicKey key = decode(der);
            if (key instanceof RSAPublicKey r) {
                if (r.getModulus().bitLength() < MIN_RSA_BITS) {
                    throw new IllegalArgumentException("RSA webhook key shorter than " + MIN_RSA_BITS + " bits");
                }
                rsa.add(key);
            } else {
                ed.add(key);
            }
        }
        return new WebhookKeys(ed, rsa);
    }

    private static PublicKey decode(byte[] der) {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        for (String algorithm : List.of("Ed25519", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(spec);
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next one
            }
        }
        throw new IllegalArgumentException("a PUBLIC KEY block is neither an Ed25519 nor an RSA key");
    }

    List<PublicKey> ed25519() {
        return ed25519;
    }

    /** The Ed25519 keys, decoded once for verification (thread-safe, stateless verify). */
    List<Ed25519PublicKeyParameters> ed25519Verifiers() {
        return ed25519Verifiers;
    }

    List<PublicKey> rsa() {
        return rsa;
    }

    /** Short SHA-256 fingerprints of the keys, for the start-up log. */
    List<String> fingerprints() {
        List<String> out = new ArrayList<>();
        ed25519.forEach(k -> out.add("Ed25519:" + fingerprint(k)));
        rsa.forEach(k -> out.add("RSA:" + fingerprint(k)));
        return out;
    }

    private static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "WebhookKeys" + fingerprints();
    }
}
