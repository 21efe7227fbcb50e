package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.inmemory.InMemoryCredentialStore;
import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.StoredCredential;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory {@link CredentialStore} with a count of the renewal leases it granted (each a refresh that
 * could spend a refresh token); its saves fail while {@link #failSaves} is positive (the database is away).
 * {@link #tokens} is the same store as the GHL client sees it.
 */
final class CountingCredentialStore implements CredentialStore {
    private final CredentialStore store = new InMemoryCredentialStore();
    final AtomicInteger leases = new AtomicInteger();
    final AtomicInteger failSaves = new AtomicInteger();
    final AtomicInteger failedSaves = new AtomicInteger();
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
        if (failSaves.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failedSaves.incrementAndGet();
            throw new IllegalStateException("the database is away");
        }
        store.save(credential);
    }

    @Override
    public boolean revoke(CredentialOwner owner) {
        return store.revoke(owner);
    }

    @Override
    public boolean lease(CredentialOwner owner, String holder, Instant now, Instant until) {
        boolean granted = store.lease(owner, holder, now, until);
        if (granted) {
            leases.incrementAndGet();
        }
        return granted;
    }

    @Override
    public void release(CredentialOwner owner, String holder) {
        store.release(owner, holder);
    }
}
