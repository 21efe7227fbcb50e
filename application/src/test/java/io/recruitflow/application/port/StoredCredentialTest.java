package io.recruitflow.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoredCredentialTest {
    private static final CredentialOwner OWNER = new CredentialOwner("LOCATION", "loc_abc");

    @Test
    void secretsNeverShowInToString() {
        StoredCredential credential = new StoredCredential(
                OWNER, "secret-access", Optional.of("secret-refresh"), Instant.EPOCH, Set.of("contacts.write"));

        assertThat(credential.toString()).doesNotContain("secret-").contains("LOCATION:loc_abc", "contacts.write");
    }

    @Test
    void anEmptyRenewalSecretIsNone() {
        StoredCredential credential = new StoredCredential(OWNER, "access", Optional.of(""), Instant.EPOCH, Set.of());

        assertThat(credential.renewal()).isEmpty();
    }

    @Test
    void aCredentialNeedsASecretAndAnOwnerNeedsKindAndId() {
        assertThatThrownBy(() -> new StoredCredential(OWNER, " ", Optional.empty(), Instant.EPOCH, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialOwner("LOCATION", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
