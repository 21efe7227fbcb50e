package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.shared.OAuthTokens;
import io.recruitflow.domain.shared.TokenOwner;
import io.recruitflow.domain.shared.TokenStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * {@link TokenStore} in memory, for one process: tokens are not encrypted (they never leave the heap)
 * and the refresh lock is a per-owner {@link ReentrantLock}. Several service instances need the
 * database-backed store instead.
 */
public final class InMemoryTokenStore implements TokenStore {
    private final Map<TokenOwner, OAuthTokens> tokens = new ConcurrentHashMap<>();
    private final Map<TokenOwner, ReentrantLock> locks = new ConcurrentHashMap<>();

    public InMemoryTokenStore() {}

    @Override
    public Optional<OAuthTokens> find(TokenOwner owner) {
        return Optional.ofNullable(tokens.get(owner));
    }

    @Override
    public void save(OAuthTokens pair) {
        tokens.put(pair.owner(), pair);
    }

    @Override
    public boolean revoke(TokenOwner owner) {
        return tokens.remove(owner) != null;
    }

    @Override
    public OAuthTokens refresh(TokenOwner owner, Function<Optional<OAuthTokens>, OAuthTokens> refresher) {
        ReentrantLock lock = locks.computeIfAbsent(owner, o -> new ReentrantLock());
        lock.lock();
        try {
            OAuthTokens next = Objects.requireNonNull(refresher.apply(find(owner)), "the refresher returned null");
            if (!next.owner().equals(owner)) {
                throw new IllegalArgumentException(
                        "the refresher returned tokens of " + next.owner() + " for " + owner);
            }
            save(next);
            return next;
        } finally {
            lock.unlock();
        }
    }
}
