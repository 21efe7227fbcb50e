package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.inmemory.InMemoryTokenStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** The in-memory {@link TokenStore}, counting how often a refresher ran under its lock. */
final class CountingTokenStore implements TokenStore {
    private final TokenStore store = new InMemoryTokenStore();
    final AtomicInteger refresherRuns = new AtomicInteger();

    @Override
    public Optional<OAuthTokens> find(TokenOwner owner) {
        return store.find(owner);
    }

    @Override
    public void save(OAuthTokens tokens) {
        store.save(tokens);
    }

    @Override
    public boolean revoke(TokenOwner owner) {
        return store.revoke(owner);
    }

    @Override
    public OAuthTokens refresh(TokenOwner owner, Function<Optional<OAuthTokens>, OAuthTokens> refresher) {
        return store.refresh(owner, current -> {
            refresherRuns.incrementAndGet();
            return refresher.apply(current);
        });
    }
}
