package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.adapter.webhook.SignatureVerifier.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureVerifierTest {

    private static final byte[] BODY = TestKeys.bytes("body.json");
    private static final String ED_SIG =
            TestKeys.resource("body.json.ed25519.sig").strip();
    private static final String RSA_SIG =
            TestKeys.resource("body.json.rsa-sha256.sig").strip();

    private final SignatureVerifier verifier =
            new SignatureVerifier(WebhookKeys.fromFile(TestKeys.publicKeysFile()), false);

    @Test
    void known_answer_signatures_made_by_openssl_verify() {
        assertThat(verifier.verify(ED_SIG, null, BODY)).isEqualTo(Verdict.ED25519);
        assertThat(verifier.verify(null, RSA_SIG, BODY)).isEqualTo(Verdict.RSA);
    }

    @Test
    void both_schemes_are_deterministic_so_the_jdk_reproduces_the_exact_fixture_signatures() {
        assertThat(TestKeys.signEd25519(BODY)).isEqualTo(ED_SIG);
        assertThat(TestKeys.signRsa(BODY)).isEqualTo(RSA_SIG);
        assertThat(RSA_SIG).hasSize(684); // 512 bytes: a 4096-bit key
    }

    @Test
    void ed25519_is_tried_first_and_rsa_rescues_a_bad_ed25519_header() {
        assertThat(verifier.verify(ED_SIG, RSA_SIG, BODY)).isEqualTo(Verdict.ED25519);
        assertThat(verifier.verify(RSA_SIG, RSA_SIG, BODY)).isEqualTo(Verdict.RSA);
        assertThat(verifier.verify(ED_SIG, ED_SIG, BODY)).isEqualTo(Verdict.ED25519);
    }

    @Test
    void the_same_json_reserialised_with_other_whitespace_fails() {
        Object parsed = TestJson.read(new String(BODY, StandardCharsets.UTF_8)).orElseThrow();
        String pretty = new com.squareup.moshi.Moshi.Builder()
                .build()
                .adapter(Object.class)
                .indent("  ")
                .toJson(parsed);
        byte[] reserialised = pretty.getBytes(StandardCharsets.UTF_8);
        assertThat(pretty).isNotEqualTo(new String(BODY, StandardCharsets.UTF_8));
        assertThat(TestJson.read(pretty)).contains(parsed); // same JSON value, other bytes
        assertThat(verifier.verify(ED_SIG, RSA_SIG, reserialised)).isEqualTo(Verdict.INVALID);
        byte[] trailingNewline = Arrays.copyOf(BODY, BODY.length + 1);
        trailingNewline[BODY.length] = '\n';
        assertThat(verifier.verify(ED_SIG, RSA_SIG, trailingNewline)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void a_tampered_body_fails() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8)
                .replace("ContactCreate", "ContactDelete")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(ED_SIG, RSA_SIG, tampered)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void garbage_or_swapped_headers_are_invalid_not_errors() {
        assertThat(verifier.verify("not base64 !!", null, BODY)).isEqualTo(Verdict.INVALID);
        assertThat(verifier.verify(null, "AAAA", BODY)).isEqualTo(Verdict.INVALID);
        assertThat(verifier.verify(RSA_SIG, ED_SIG, BODY)).isEqualTo(Verdict.INVALID);
        assertThat(verifier.verify("", " ", BODY)).isEqualTo(Verdict.MISSING);
    }

    @Test
    void without_any_signature_header_it_is_missing_unless_the_development_switch_is_on() {
        assertThat(verifier.verify(null, null, BODY)).isEqualTo(Verdict.MISSING);
        SignatureVerifier dev = new SignatureVerifier(WebhookKeys.fromFile(TestKeys.publicKeysFile()), true);
        assertThat(dev.verify(null, null, BODY)).isEqualTo(Verdict.UNSIGNED_ALLOWED);
        // The switch accepts unsigned events only: a wrong signature is still refused.
        assertThat(dev.verify("AAAA", null, BODY)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void ghls_published_keys_parse_as_one_ed25519_and_one_rsa_4096_key() {
        WebhookKeys ghl = WebhookKeys.ghlPublished();
        assertThat(ghl.ed25519()).hasSize(1);
        assertThat(ghl.ed25519().get(0).getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(ghl.rsa()).hasSize(1);
        assertThat(((RSAPublicKey) ghl.rsa().get(0)).getModulus().bitLength()).isEqualTo(4096);
        // Our fixtures are not signed by GHL.
        assertThat(new SignatureVerifier(ghl, false).verify(ED_SIG, RSA_SIG, BODY))
                .isEqualTo(Verdict.INVALID);
    }

    @Test
    void several_keys_may_be_active_so_that_they_can_rotate(@TempDir Path dir) throws Exception {
        String ghl = new String(
                WebhookKeys.class
                        .getResourceAsStream(WebhookKeys.GHL_DEFAULT_RESOURCE)
                        .readAllBytes(),
                StandardCharsets.US_ASCII);
        Path both = dir.resolve("rotating.pem");
        Files.writeString(both, ghl + "\n" + TestKeys.resource("test-public-keys.pem"));
        WebhookKeys keys = WebhookKeys.fromFile(both);
        assertThat(keys.ed25519()).hasSize(2);
        assertThat(keys.rsa()).hasSize(2);
        SignatureVerifier rotating = new SignatureVerifier(keys, false);
        assertThat(rotating.verify(ED_SIG, null, BODY)).isEqualTo(Verdict.ED25519);
        assertThat(rotating.verify(null, RSA_SIG, BODY)).isEqualTo(Verdict.RSA);
    }

    @Test
    void a_key_file_without_keys_or_with_a_weak_rsa_key_is_refused(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> WebhookKeys.parse("nothing here")).isInstanceOf(IllegalArgumentException.class);
        java.security.KeyPairGenerator gen = java.security.KeyPairGenerator.getInstance("RSA");
        gen.initialize(1024);
        String weak = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder()
                        .encodeToString(gen.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertThatThrownBy(() -> WebhookKeys.parse(weak)).hasMessageContaining("2048");
        assertThatThrownBy(() -> WebhookKeys.fromFile(dir.resolve("absent.pem")))
                .hasMessageContaining("absent.pem");
    }
}
