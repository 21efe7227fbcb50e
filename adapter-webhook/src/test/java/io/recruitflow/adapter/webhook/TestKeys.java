package io.recruitflow.adapter.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** The test-only signing keys of {@code fixtures/signing} (see its README) and signing helpers. */
final class TestKeys {
    private TestKeys() {}

    static final String DIR = "/fixtures/signing/";

    static final PrivateKey ED25519 = privateKey("test-ed25519-private.pem", "Ed25519");
    static final PrivateKey RSA = privateKey("test-rsa4096-private.pem", "RSA");

    /** A PEM file with both test public keys. */
    static Path publicKeysFile() {
        try {
            return Path.of(
                    TestKeys.class.getResource(DIR + "test-public-keys.pem").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestKeys.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String signEd25519(byte[] body) {
        return sign("Ed25519", ED25519, body);
    }

    static String signRsa(byte[] body) {
        return sign("SHA256withRSA", RSA, body);
    }

    private static String sign(String algorithm, PrivateKey key, byte[] body) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(body);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(String file, String algorithm) {
        String pem = resource(file)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
