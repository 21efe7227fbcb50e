package io.recruitflow.sandbox;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Signs webhook bodies like GHL, over their exact bytes: {@code X-GHL-Signature} is Ed25519 and
 * {@code x-wh-signature} RSA-SHA256 (PKCS#1 v1.5) with a 4096-bit key; both base64. JDK crypto only.
 */
class WebhookSigner {
    /** A 4096-bit RSA key takes about a second to make: one per JVM, made on first use. */
    private static final class GeneratedRsaKey {
        static final KeyPair PAIR = generate("RSA", 4096);
    }

    private final KeyPair ed25519;
    private final Supplier<KeyPair> rsa;
    private volatile KeyPair rsaPair;

    private WebhookSigner(KeyPair ed25519, Supplier<KeyPair> rsa) {
        this.ed25519 = ed25519;
        this.rsa = rsa;
    }

    /** The same keys: for a test's signer that signs slower, as a loaded machine does. */
    WebhookSigner(WebhookSigner keys) {
        this(keys.ed25519, keys.rsa);
    }

    /**
     * Fresh Ed25519 keys; the JVM-wide RSA key, whose generation starts now on a background thread so
     * that neither start-up nor the first webhook waits for it.
     */
    static WebhookSigner generated() {
        Thread warmUp = new Thread(
                () -> {
                    KeyPair ignored = GeneratedRsaKey.PAIR;
                },
                "ghl-sandbox-rsa-keygen");
        warmUp.setDaemon(true);
        warmUp.start();
        return new WebhookSigner(generate("Ed25519", 0), () -> GeneratedRsaKey.PAIR);
    }

    /**
     * Keys loaded from PEM: each text holds a {@code PRIVATE KEY} block (PKCS#8); the Ed25519 text
     * also its {@code PUBLIC KEY} block (the JDK cannot derive it), e.g. the output of
     * {@code openssl genpkey -algorithm ed25519 -out k.pem && openssl pkey -in k.pem -pubout >> k.pem}.
     */
    static WebhookSigner fromPem(String ed25519Pem, String rsaPem) {
        try {
            KeyFactory edFactory = KeyFactory.getInstance("Ed25519");
            PrivateKey edPrivate =
                    edFactory.generatePrivate(new PKCS8EncodedKeySpec(pemBlock(ed25519Pem, "PRIVATE KEY")));
            PublicKey edPublic = edFactory.generatePublic(new X509EncodedKeySpec(pemBlock(ed25519Pem, "PUBLIC KEY")));
            KeyPair edPair = new KeyPair(edPublic, edPrivate);
            KeyFactory rsaFactory = KeyFactory.getInstance("RSA");
            PrivateKey rsaPrivate =
                    rsaFactory.generatePrivate(new PKCS8EncodedKeySpec(pemBlock(rsaPem, "PRIVATE KEY")));
            if (!(rsaPrivate instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalArgumentException("the RSA key must be a PKCS#8 RSA private key");
            }
            PublicKey rsaPublic =
                    rsaFactory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            KeyPair rsaPair = new KeyPair(rsaPublic, rsaPrivate);
            return new WebhookSigner(edPair, () -> rsaPair);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the webhook signing keys", e);
        }
    }

    String signEd25519(byte[] body) {
        return sign("Ed25519", ed25519.getPrivate(), body);
    }

    String signRsa(byte[] body) {
        return sign("SHA256withRSA", rsaPair().getPrivate(), body);
    }

    String ed25519PublicPem() {
        return pem("PUBLIC KEY", ed25519.getPublic().getEncoded());
    }

    String rsaPublicPem() {
        return pem("PUBLIC KEY", rsaPair().getPublic().getEncoded());
    }

    private KeyPair rsaPair() {
        KeyPair pair = rsaPair;
        if (pair == null) {
            pair = rsa.get();
            rsaPair = pair;
        }
        return pair;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The DER bytes of the first {@code -----BEGIN type-----} block of a PEM text. */
    static byte[] pemBlock(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end, Math.max(from, 0));
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("the PEM text has no " + type + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private static String sign(String algorithm, PrivateKey key, byte[] body) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a webhook with " + algorithm, e);
        }
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (bits > 0) {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
        }
    }
}
