package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.inmemory.InMemoryCredentialStore;
import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.StoredCredential;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The in-memory {@link CredentialStore} with a count of how often an updater ran under its per-owner lock.
 * {@link #tokens} is the same store as the GHL client sees it.
 */
final class CountingCredentialStore implements CredentialStore {
    private final CredentialStore store = new InMemoryCredentialStore();
    final AtomicInteger updaterRuns = new AtomicInteger();
    final TokenStore tokens = new CredentialTokenStore(this);

    @Override
    public Optional<StoredCredential> find(CredentialOwner owner) {
        return store.find(owner);
    }

    @Override
    public java.util.List<String> ownerIds(String kind) {
        return store.ownerIds(kind);
    }

    @Override
    public void save(StoredCredential credential) {
        store.save(credential);
    }

    @Override
    public boolean revoke(CredentialOwner owner) {
        return store.revoke(owner);
    }

    @Override
    public StoredCredential update(
            CredentialOwner owner, Function<Optional<StoredCredential>, StoredCredential> updater) {
        return store.update(owner, current -> {
            updaterRuns.incrementAndGet();
            return updater.apply(current);
        });
    }
}
