package io.recruitflow.adapter.persistence;

import static io.recruitflow.adapter.persistence.Rows.instant;
import static io.recruitflow.adapter.persistence.Rows.ts;

import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.StoredCredential;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@link CredentialStore} on PostgreSQL, in the {@code oauth_tokens} table. The secret and the renewal
 * secret are stored encrypted ({@link TokenCipher}, the owner and field as associated data). Renewal leases
 * are rows of {@code credential_leases}, claimed by one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE}
 * (free, lapsed or the claimant's own) in a statement of its own: no transaction and no lock stays open while
 * the holder calls GHL, so a database session that dies meanwhile cannot drop the pair GHL just issued, and
 * across threads and instances exactly one holder at a time may spend a given renewal secret — GHL refresh
 * tokens are single-use, and a second use would revoke the installation.
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
        return jdbi.withHandle(h -> select(h, owner));
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
    public boolean lease(CredentialOwner owner, String holder, Instant now, Instant until) {
        Objects.requireNonNull(holder, "holder");
        // One statement, committed at once: a conflicting claim waits for the row, then sees the winner's lease.
        return jdbi.withHandle(h -> h.createQuery("""
                                INSERT INTO credential_leases (owner_type, owner_id, holder, leased_until)
                                VALUES (:type, :id, :holder, :until)
                                ON CONFLICT (owner_type, owner_id) DO UPDATE
                                    SET holder = excluded.holder, leased_until = excluded.leased_until
                                    WHERE credential_leases.holder = excluded.holder
                                        OR credential_leases.leased_until <= :now
                                RETURNING holder
                                """)
                        .bind("type", owner.kind())
                        .bind("id", owner.id())
                        .bind("holder", holder)
                        .bind("until", ts(until))
                        .bind("now", ts(now))
                        .mapTo(String.class)
                        .findOne())
                .isPresent();
    }

    @Override
    public void release(CredentialOwner owner, String holder) {
        jdbi.useHandle(h -> h.createUpdate(
                        "DELETE FROM credential_leases WHERE owner_type = :type AND owner_id = :id AND holder = :holder")
                .bind("type", owner.kind())
                .bind("id", owner.id())
                .bind("holder", holder)
                .execute());
    }

    private Optional<StoredCredential> select(Handle h, CredentialOwner owner) {
        return h.createQuery("SELECT * FROM oauth_tokens WHERE owner_type = :type AND owner_id = :id")
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

    /**
     * Encrypts with the current key every stored token the cipher's previous key decrypts (after a rotation of
     * {@code RECRUITFLOW_SECRET_KEY}), in one transaction holding the rows' locks, so a refresh cannot interleave.
     * A row neither key decrypts is left as it is and reported.
     */
    static Reencryption reencrypt(Jdbi jdbi, TokenCipher cipher) {
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
            List<EncryptedRow> rows = h.createQuery(
                            "SELECT owner_type, owner_id, access_token, refresh_token FROM oauth_tokens FOR UPDATE")
                    .map((rs, ctx) -> new EncryptedRow(
                            rs.getString("owner_type"),
                            rs.getString("owner_id"),
                            rs.getBytes("access_token"),
                            rs.getBytes("refresh_token")))
                    .list();
            int reencrypted = 0;
            List<String> unreadable = new ArrayList<>();
            for (EncryptedRow row : rows) {
                TokenCipher.Opened access;
                TokenCipher.Opened refresh;
                try {
                    access = cipher.open(row.access(), aad(row.type(), row.id(), "access"));
                    refresh = cipher.open(row.refresh(), aad(row.type(), row.id(), "refresh"));
                } catch (TokenCipher.TokenDecryptionException e) {
                    unreadable.add(row.type() + "/" + row.id());
                    continue;
                }
                if (access.underPreviousKey() || refresh.underPreviousKey()) {
                    h.createUpdate("UPDATE oauth_tokens SET access_token = :access, refresh_token = :refresh"
                                    + " WHERE owner_type = :type AND owner_id = :id")
                            .bind("access", cipher.encrypt(access.plaintext(), aad(row.type(), row.id(), "access")))
                            .bind("refresh", cipher.encrypt(refresh.plaintext(), aad(row.type(), row.id(), "refresh")))
                            .bind("type", row.type())
                            .bind("id", row.id())
                            .execute();
                    reencrypted++;
                }
            }
            return new Reencryption(reencrypted, unreadable);
        });
    }

    private record EncryptedRow(String type, String id, byte[] access, byte[] refresh) {}

    /** What {@link #reencrypt} did: rows re-encrypted, and the owners ({@code kind/id}) neither key reads. */
    record Reencryption(int reencrypted, List<String> unreadable) {}

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
        return aad(owner.kind(), owner.id(), field);
    }

    private static String aad(String kind, String id, String field) {
        return "oauth_tokens/" + kind + "/" + id + "/" + field;
    }
}
