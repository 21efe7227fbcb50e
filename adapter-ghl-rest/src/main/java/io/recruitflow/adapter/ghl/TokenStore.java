package io.recruitflow.adapter.ghl;

import java.util.Optional;
import java.util.function.Function;

/**
 * The GHL client's own storage of OAuth tokens, one pair per owner. The client keeps it on the system's
 * {@link io.recruitflow.application.port.CredentialStore} (given to {@link GhlClient#create}), which keeps
 * credentials encrypted at rest and serialises refreshes: {@link #refresh} runs at most once at a time per
 * owner, across threads and across instances sharing one store.
 */
interface TokenStore {

    Optional<OAuthTokens> find(TokenOwner owner);

    void save(OAuthTokens tokens);

    /** Forgets the owner's tokens (app uninstalled). Returns whether there were any. */
    boolean revoke(TokenOwner owner);

    /**
     * Runs {@code refresher} with the owner's current tokens while holding the owner's exclusive
     * lock, stores what it returns before releasing the lock, and returns it. A refresher that finds
     * the current tokens already fresh (another caller refreshed meanwhile) returns them unchanged.
     */
    OAuthTokens refresh(TokenOwner owner, Function<Optional<OAuthTokens>, OAuthTokens> refresher);
}
