package io.recruitflow.adapter.persistence;

import static io.recruitflow.adapter.persistence.Rows.instant;
import static io.recruitflow.adapter.persistence.Rows.ts;

import io.recruitflow.domain.shared.OAuthTokens;
import io.recruitflow.domain.shared.TokenOwner;
import io.recruitflow.domain.shared.TokenStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@link TokenStore} on PostgreSQL. Access and refresh tokens are stored encrypted ({@link TokenCipher},
 * the owner and field as associated data). {@link #refresh} runs inside one transaction holding the owner's
 * row lock ({@code SELECT ... FOR UPDATE}), so across threads and instances exactly one refresher at a
 * time sees a given refresh token — GHL refresh tokens are single-use, and a second use would revoke the
 * installation. An owner with no row yet is serialised by a transaction-scoped advisory lock instead,
 * since there is no row to lock.
 */
final class PostgresTokenStore implements TokenStore {
    private final Jdbi jdbi;
    private final TokenCipher cipher;

    PostgresTokenStore(Jdbi jdbi, TokenCipher cipher) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public Optional<OAuthTokens> find(TokenOwner owner) {
        return jdbi.withHandle(h -> select(h, owner, false));
    }

    @Override
    public void save(OAuthTokens tokens) {
        jdbi.useHandle(h -> upsert(h, tokens));
    }

    @Override
    public boolean revoke(TokenOwner owner) {
        return jdbi.withHandle(
                h -> h.createUpdate("DELETE FROM oauth_tokens WHERE owner_type = :type AND owner_id = :id")
                                .bind("type", owner.type().name())
                                .bind("id", owner.id())
                                .execute()
                        == 1);
    }

    @Override
    public OAuthTokens refresh(TokenOwner owner, Function<Optional<OAuthTokens>, OAuthTokens> refresher) {
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
            Optional<OAuthTokens> current = select(h, owner, true);
            if (current.isEmpty()) {
                h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 0))")
                        .bind("key", "oauth_tokens/" + owner)
                        .mapTo(Integer.class)
                        .one();
                current = select(h, owner, true); // a concurrent first save may have committed meanwhile
            }
            OAuthTokens next = Objects.requireNonNull(refresher.apply(current), "refresher returned null");
            if (!next.owner().equals(owner)) {
                throw new IllegalArgumentException("refresher returned tokens of " + next.owner() + " for " + owner);
            }
            if (current.isEmpty() || !current.get().equals(next)) {
                upsert(h, next);
            }
            return next;
        });
    }

    private Optional<OAuthTokens> select(Handle h, TokenOwner owner, boolean forUpdate) {
        return h.createQuery("SELECT * FROM oauth_tokens WHERE owner_type = :type AND owner_id = :id"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .bind("type", owner.type().name())
                .bind("id", owner.id())
                .map((rs, ctx) -> new OAuthTokens(
                        owner,
                        cipher.decrypt(rs.getBytes("access_token"), aad(owner, "access")),
                        emptyToNull(cipher.decrypt(rs.getBytes("refresh_token"), aad(owner, "refresh"))),
                        instant(rs, "expires_at"),
                        Rows.stringSet(rs, "scopes")))
                .findOne();
    }

    private void upsert(Handle h, OAuthTokens t) {
        TokenOwner owner = t.owner();
        h.createUpdate("""
                        INSERT INTO oauth_tokens (owner_type, owner_id, access_token, refresh_token, expires_at, scopes,
                            updated_at)
                        VALUES (:type, :id, :access, :refresh, :expiresAt, CAST(:scopes AS text[]), now())
                        ON CONFLICT (owner_type, owner_id) DO UPDATE SET access_token = excluded.access_token,
                            refresh_token = excluded.refresh_token, expires_at = excluded.expires_at,
                            scopes = excluded.scopes, updated_at = now()
                        """)
                .bind("type", owner.type().name())
                .bind("id", owner.id())
                .bind("access", cipher.encrypt(t.accessToken(), aad(owner, "access")))
                .bind(
                        "refresh",
                        cipher.encrypt(t.refreshToken() == null ? "" : t.refreshToken(), aad(owner, "refresh")))
                .bind("expiresAt", ts(t.expiresAt()))
                .bind("scopes", Rows.array(t.scopes().stream().sorted().toList()))
                .execute();
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String aad(TokenOwner owner, String field) {
        return "oauth_tokens/" + owner.type() + "/" + owner.id() + "/" + field;
    }
}
