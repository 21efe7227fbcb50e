package io.recruitflow.adapter.webhook;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Checks a webhook's signature over the exact bytes received. {@code X-GHL-Signature} (Ed25519, GHL's
 * current scheme) is tried first, then {@code x-wh-signature} (RSA-SHA256 PKCS#1 v1.5, legacy); the
 * event is authentic when either verifies with any configured key. Verifying a public-key signature
 * compares nothing secret, so there is no timing side channel to close here.
 *
 * <p>Ed25519 goes through Bouncy Castle (RFC 8032, strict: non-canonical signatures are refused): the
 * JDK 17 provider takes about a millisecond per verification, which alone would cap the receiver near
 * 1,000 events/s per core. RSA stays on the JDK.
 */
final class SignatureVerifier {

    static final String ED25519_HEADER = "X-GHL-Signature";
    static final String RSA_HEADER = "x-wh-signature";

    /** What the check found. */
    enum Verdict {
        ED25519(true),
        RSA(true),
        UNSIGNED_ALLOWED(true),
        MISSING(false),
        INVALID(false);

        private final boolean accepted;

        Verdict(boolean accepted) {
            this.accepted = accepted;
        }

        boolean accepted() {
            return accepted;
        }
    }

    // java.security.Signature objects are stateful and not thread-safe: one per thread and algorithm.
    private static final ThreadLocal<Signature> RSA_SHA256 = ThreadLocal.withInitial(() -> instance("SHA256withRSA"));

    private final WebhookKeys keys;
    private final boolean allowUnsigned;

    SignatureVerifier(WebhookKeys keys, boolean allowUnsigned) {
        this.keys = keys;
        this.allowUnsigned = allowUnsigned;
    }

    Verdict verify(String ed25519Header, String rsaHeader, byte[] body) {
        boolean hasEd = ed25519Header != null && !ed25519Header.isBlank();
        boolean hasRsa = rsaHeader != null && !rsaHeader.isBlank();
        if (!hasEd && !hasRsa) {
            // Development switch only: a signature that is present but wrong is still refused below.
            return allowUnsigned ? Verdict.UNSIGNED_ALLOWED : Verdict.MISSING;
        }
        if (hasEd && anyEd25519Verifies(keys.ed25519Verifiers(), ed25519Header, body)) {
            return Verdict.ED25519;
        }
        if (hasRsa && anyVerifies(RSA_SHA256.get(), keys.rsa(), rsaHeader, body)) {
            return Verdict.RSA;
        }
        return Verdict.INVALID;
    }

    private static boolean anyEd25519Verifies(List<Ed25519PublicKeyParameters> candidates, String header, byte[] body) {
        byte[] signature = base64(header);
        if (signature == null || signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        for (Ed25519PublicKeyParameters key : candidates) {
            if (key.verify(Ed25519.Algorithm.Ed25519, null, body, 0, body.length, signature, 0)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] base64(String header) {
        try {
            return Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean anyVerifies(Signature verifier, List<PublicKey> candidates, String header, byte[] body) {
        byte[] signature = base64(header);
        if (signature == null) {
            return false;
        }
        for (PublicKey key : candidates) {
            try {
                verifier.initVerify(key);
                verifier.update(body);
                if (verifier.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException wrongShape) {
                // e.g. a signature of the wrong length for this key: not valid under it
            }
        }
        return false;
    }

    private static Signature instance(String algorithm) {
        try {
            return Signature.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
