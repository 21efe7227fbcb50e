package io.recruitflow.adapter.ghl;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The GHL client's own storage of OAuth tokens, one pair per owner. The client keeps it on the system's
 * {@link io.recruitflow.application.port.CredentialStore} (given to {@link GhlClient#create}), which keeps
 * credentials encrypted at rest and serialises refreshes with a renewal lease per owner ({@link #lease}),
 * across threads and across instances sharing one store, without a transaction open across the GHL call.
 */
interface TokenStore {

    Optional<OAuthTokens> find(TokenOwner owner);

    void save(OAuthTokens tokens);

    /** The ids of the owners of {@code type} whose tokens are stored, sorted (the agencies installed, say). */
    List<String> ownerIds(TokenOwner.Type type);

    /** Forgets the owner's tokens (app uninstalled). Returns whether there were any. */
    boolean revoke(TokenOwner owner);

    /**
     * Claims (or extends) the owner's renewal lease for {@code holder} until {@code until}; whether it holds it
     * now. Only the holder may spend the owner's single-use refresh token.
     */
    boolean lease(TokenOwner owner, String holder, Instant now, Instant until);

    /** Gives the owner's renewal lease back, if {@code holder} holds it. */
    void release(TokenOwner owner, String holder);
}
