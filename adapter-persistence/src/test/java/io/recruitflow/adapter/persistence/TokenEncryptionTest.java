package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.StoredCredential;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens are AES-GCM ciphertexts at rest, bound to their owner and field, and useless under another key. */
class TokenEncryptionTest {
    private final CredentialOwner alice = new CredentialOwner("LOCATION", "loc_alice");
    private final CredentialOwner bob = new CredentialOwner("LOCATION", "loc_bob");
    private PostgresCredentialStore store;

    @BeforeEach
    void empty() {
        TestDatabase.truncateAll();
        store = new PostgresCredentialStore(
                TestDatabase.jdbi(), TestDatabase.get().tokenCipher());
    }

    static StoredCredential tokens(CredentialOwner owner, String access) {
        return new StoredCredential(
                owner,
                access,
                Optional.of("refresh-" + access),
                Instant.parse("2026-03-02T15:00:00Z"),
                Set.of("contacts.write"));
    }

    @Test
    void the_stored_bytes_contain_no_token_and_two_saves_of_one_token_differ() {
        store.save(tokens(alice, "ya29.secret-access"));
        byte[] first = column("access_token", alice);
        store.save(tokens(alice, "ya29.secret-access"));
        byte[] second = column("access_token", alice);

        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("secret-access");
        assertThat(new String(column("refresh_token", alice), StandardCharsets.ISO_8859_1))
                .doesNotContain("refresh-");
        assertThat(first).isNotEqualTo(second); // a fresh nonce per value
        assertThat(first.length).isEqualTo(1 + 12 + "ya29.secret-access".length() + 16);
    }

    @Test
    void a_ciphertext_moved_to_another_owners_row_does_not_decrypt() {
        store.save(tokens(alice, "alice-access"));
        store.save(tokens(bob, "bob-access"));
        TestDatabase.jdbi().useHandle(h -> h.createUpdate("""
                UPDATE oauth_tokens SET access_token = (SELECT access_token FROM oauth_tokens WHERE owner_id = 'loc_alice')
                 WHERE owner_id = 'loc_bob'
                """).execute());

        assertThatThrownBy(() -> store.find(bob))
                .isInstanceOf(TokenCipher.TokenDecryptionException.class)
                .hasMessageContaining("loc_bob")
                .hasMessageNotContaining("alice-access");
        assertThat(store.find(alice)).contains(tokens(alice, "alice-access"));
    }

    @Test
    void another_key_cannot_read_the_tokens_and_says_so_without_leaking_them() {
        store.save(tokens(alice, "alice-access"));
        PostgresCredentialStore wrongKey =
                new PostgresCredentialStore(TestDatabase.jdbi(), TokenCipher.fromBase64(TokenCipher.generateKey()));

        assertThatThrownBy(() -> wrongKey.find(alice))
                .isInstanceOf(TokenCipher.TokenDecryptionException.class)
                .hasMessageContaining("RECRUITFLOW_SECRET_KEY")
                .hasMessageNotContaining("alice-access");
    }

    @Test
    void the_cipher_never_shows_its_key() {
        String key = TokenCipher.generateKey();
        assertThat(TokenCipher.fromBase64(key).toString()).doesNotContain(key);
    }

    private static byte[] column(String column, CredentialOwner owner) {
        return TestDatabase.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT " + column + " FROM oauth_tokens WHERE owner_type = :t AND owner_id = :id")
                        .bind("t", owner.kind())
                        .bind("id", owner.id())
                        .mapTo(byte[].class)
                        .one());
    }
}
