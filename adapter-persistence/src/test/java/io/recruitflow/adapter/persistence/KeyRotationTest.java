package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.port.CredentialOwner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rotating {@code RECRUITFLOW_SECRET_KEY}: with the old key as {@code RECRUITFLOW_SECRET_KEY_PREVIOUS}, stored
 * tokens still decrypt, the start re-encrypts them with the new key, and afterwards the new key alone reads them
 * and the old one no longer does.
 */
class KeyRotationTest {
    private final CredentialOwner alice = new CredentialOwner("LOCATION", "loc_alice");
    private final CredentialOwner bob = new CredentialOwner("LOCATION", "loc_bob");
    private final String oldKey = TokenCipher.generateKey();
    private final String newKey = TokenCipher.generateKey();

    @BeforeEach
    void storedUnderTheOldKey() {
        TestDatabase.truncateAll();
        PostgresCredentialStore old = store(TokenCipher.fromBase64(oldKey));
        old.save(TokenEncryptionTest.tokens(alice, "alice-access"));
        old.save(TokenEncryptionTest.tokens(bob, "bob-access"));
    }

    private static PostgresCredentialStore store(TokenCipher cipher) {
        return new PostgresCredentialStore(TestDatabase.jdbi(), cipher);
    }

    @Test
    void the_previous_key_still_decrypts_and_re_encryption_moves_every_row_to_the_new_key() {
        TokenCipher rotating = TokenCipher.fromBase64(newKey).withPrevious(oldKey);
        assertThat(store(rotating).find(alice)).contains(TokenEncryptionTest.tokens(alice, "alice-access"));
        assertThatThrownBy(() -> store(TokenCipher.fromBase64(newKey)).find(alice))
                .isInstanceOf(TokenCipher.TokenDecryptionException.class);

        PostgresCredentialStore.Reencryption first = PostgresCredentialStore.reencrypt(TestDatabase.jdbi(), rotating);
        PostgresCredentialStore.Reencryption second = PostgresCredentialStore.reencrypt(TestDatabase.jdbi(), rotating);

        assertThat(first.reencrypted()).isEqualTo(2);
        assertThat(first.unreadable()).isEmpty();
        assertThat(second.reencrypted()).as("nothing is left under the old key").isZero();
        PostgresCredentialStore current = store(TokenCipher.fromBase64(newKey));
        assertThat(current.find(alice)).contains(TokenEncryptionTest.tokens(alice, "alice-access"));
        assertThat(current.find(bob)).contains(TokenEncryptionTest.tokens(bob, "bob-access"));
        assertThatThrownBy(() -> store(TokenCipher.fromBase64(oldKey)).find(alice))
                .isInstanceOf(TokenCipher.TokenDecryptionException.class)
                .hasMessageNotContaining("alice-access");
    }

    @Test
    void a_row_under_neither_key_is_reported_and_left_while_the_others_move() {
        store(TokenCipher.fromBase64(TokenCipher.generateKey()))
                .save(TokenEncryptionTest.tokens(bob, "bob-under-a-third-key"));
        TokenCipher rotating = TokenCipher.fromBase64(newKey).withPrevious(oldKey);

        PostgresCredentialStore.Reencryption done = PostgresCredentialStore.reencrypt(TestDatabase.jdbi(), rotating);

        assertThat(done.reencrypted()).isEqualTo(1);
        assertThat(done.unreadable()).containsExactly("LOCATION/loc_bob");
        assertThatThrownBy(() -> store(rotating).find(bob))
                .isInstanceOf(TokenCipher.TokenDecryptionException.class)
                .hasMessageContaining("RECRUITFLOW_SECRET_KEY and RECRUITFLOW_SECRET_KEY_PREVIOUS")
                .hasMessageNotContaining("bob-under");
        assertThat(store(TokenCipher.fromBase64(newKey)).find(alice))
                .contains(TokenEncryptionTest.tokens(alice, "alice-access"));
    }

    @Test
    void a_start_with_the_previous_key_re_encrypts_the_stored_tokens() {
        DatabaseConfig rotated = TestDatabase.external().withSecretKey(newKey).withPreviousSecretKey(oldKey);

        try (Database db = Database.start(rotated)) {
            assertThat(new PostgresCredentialStore(db.jdbi(), db.tokenCipher()).find(bob))
                    .contains(TokenEncryptionTest.tokens(bob, "bob-access"));
        }

        assertThat(store(TokenCipher.fromBase64(newKey)).find(alice))
                .contains(TokenEncryptionTest.tokens(alice, "alice-access"));
        assertThat(store(TokenCipher.fromBase64(newKey)).find(bob))
                .contains(TokenEncryptionTest.tokens(bob, "bob-access"));
        assertThat(rotated.toString()).doesNotContain(newKey, oldKey).contains("previousSecretKey=***");
    }

    @Test
    void the_previous_key_is_checked_like_the_key_and_needs_a_new_one_beside_it() {
        assertThatThrownBy(() -> DatabaseConfig.external("jdbc:postgresql://db/rf", "rf", "pw")
                        .withPreviousSecretKey(oldKey))
                .hasMessageContaining("RECRUITFLOW_SECRET_KEY_PREVIOUS is the key before a rotation")
                .hasMessageNotContaining(oldKey);
        assertThatThrownBy(() ->
                        DatabaseConfig.embedded(java.nio.file.Path.of("d")).withPreviousSecretKey("c2hvcnQ="))
                .hasMessageContaining("RECRUITFLOW_SECRET_KEY_PREVIOUS must be the base64 of 32 bytes");
        assertThat(TokenCipher.fromBase64(newKey).withPrevious(newKey).hasPrevious())
                .as("the same key twice is no rotation")
                .isFalse();
        assertThat(TokenCipher.fromBase64(newKey).withPrevious(oldKey).toString())
                .doesNotContain(newKey, oldKey);
    }
}
