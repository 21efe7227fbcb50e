package io.recruitflow.adapter.persistence;

import static io.recruitflow.adapter.persistence.Rows.instant;
import static io.recruitflow.adapter.persistence.Rows.ts;

import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.StoredCredential;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@link CredentialStore} on PostgreSQL, in the {@code oauth_tokens} table. The secret and the renewal
 * secret are stored encrypted ({@link TokenCipher}, the owner and field as associated data). {@link #update}
 * runs inside one transaction holding the owner's row lock ({@code SELECT ... FOR UPDATE}), so across
 * threads and instances exactly one updater at a time sees a given renewal secret — GHL refresh tokens are
 * single-use, and a second use would revoke the installation. An owner with no row yet is serialised by a transaction-scoped advisory lock instead,
 * since there is no row to lock.
 */
final class PostgresCredentialStore implements CredentialStore {
    private final Jdbi jdbi;
    private final TokenCipher cipher;

    PostgresCredentialStore(Jdbi jdbi, TokenCipher cipher) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public Optional<StoredCredential> find(CredentialOwner owner) {
        return jdbi.withHandle(h -> select(h, owner, false));
    }

    @Override
    public void save(StoredCredential credential) {
        jdbi.useHandle(h -> upsert(h, credential));
    }

    @Override
    public List<String> ownerIds(String kind) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT owner_id FROM oauth_tokens WHERE owner_type = :type ORDER BY owner_id")
                        .bind("type", kind)
                        .mapTo(String.class)
                        .list());
    }

    @Override
    public boolean revoke(CredentialOwner owner) {
        return jdbi.withHandle(
                h -> h.createUpdate("DELETE FROM oauth_tokens WHERE owner_type = :type AND owner_id = :id")
                                .bind("type", owner.kind())
                                .bind("id", owner.id())
                                .execute()
                        == 1);
    }

    @Override
    public StoredCredential update(
            CredentialOwner owner, Function<Optional<StoredCredential>, StoredCredential> updater) {
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
            Optional<StoredCredential> current = select(h, owner, true);
            if (current.isEmpty()) {
                h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 0))")
                        .bind("key", "oauth_tokens/" + owner)
                        .mapTo(Integer.class)
                        .one();
                current = select(h, owner, true); // a concurrent first save may have committed meanwhile
            }
            StoredCredential next = Objects.requireNonNull(updater.apply(current), "the updater returned null");
            if (!next.owner().equals(owner)) {
                throw new IllegalArgumentException(
                        "the updater returned the credential of " + next.owner() + " for " + owner);
            }
            if (current.isEmpty() || !current.get().equals(next)) {
                upsert(h, next);
            }
            return next;
        });
    }

    private Optional<StoredCredential> select(Handle h, CredentialOwner owner, boolean forUpdate) {
        return h.createQuery("SELECT * FROM oauth_tokens WHERE owner_type = :type AND owner_id = :id"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .bind("type", owner.kind())
                .bind("id", owner.id())
                .map((rs, ctx) -> new StoredCredential(
                        owner,
                        cipher.decrypt(rs.getBytes("access_token"), aad(owner, "access")),
                        Optional.of(cipher.decrypt(rs.getBytes("refresh_token"), aad(owner, "refresh"))),
                        instant(rs, "expires_at"),
                        Rows.stringSet(rs, "scopes")))
                .findOne();
    }

    private void upsert(Handle h, StoredCredential t) {
        CredentialOwner owner = t.owner();
        h.createUpdate("""
                        INSERT INTO oauth_tokens (owner_type, owner_id, access_token, refresh_token, expires_at, scopes,
                            updated_at)
                        VALUES (:type, :id, :access, :refresh, :expiresAt, CAST(:scopes AS text[]), now())
                        ON CONFLICT (owner_type, owner_id) DO UPDATE SET access_token = excluded.access_token,
                            refresh_token = excluded.refresh_token, expires_at = excluded.expires_at,
                            scopes = excluded.scopes, updated_at = now()
                        """)
                .bind("type", owner.kind())
                .bind("id", owner.id())
                .bind("access", cipher.encrypt(t.secret(), aad(owner, "access")))
                .bind("refresh", cipher.encrypt(t.renewal().orElse(""), aad(owner, "refresh")))
                .bind("expiresAt", ts(t.expiresAt()))
                .bind("scopes", Rows.array(t.grants().stream().sorted().toList()))
                .execute();
    }

    private static String aad(CredentialOwner owner, String field) {
        return "oauth_tokens/" + owner.kind() + "/" + owner.id() + "/" + field;
    }
}
