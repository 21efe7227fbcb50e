package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.shared.OAuthTokens;
import io.recruitflow.domain.shared.TokenOwner;
import io.recruitflow.domain.shared.TokenStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/** A tiny TokenStore test double: a map, and a lock per owner for {@link #refresh}. Counts refresher runs. */
final class InMemoryTokenStore implements TokenStore {
    private final Map<TokenOwner, OAuthTokens> tokens = new ConcurrentHashMap<>();
    private final Map<TokenOwner, ReentrantLock> locks = new ConcurrentHashMap<>();
    final AtomicInteger refresherRuns = new AtomicInteger();

    @Override
    public Optional<OAuthTokens> find(TokenOwner owner) {
        return Optional.ofNullable(tokens.get(owner));
    }

    @Override
    public void save(OAuthTokens t) {
        tokens.put(t.owner(), t);
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
            refresherRuns.incrementAndGet();
            OAuthTokens fresh = refresher.apply(find(owner));
            save(fresh);
            return fresh;
        } finally {
            lock.unlock();
        }
    }
}
