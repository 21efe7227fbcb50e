package io.recruitflow.adapter.ghl;

import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.StoredCredential;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small in-memory {@link CredentialStore} for this module's tests (a real one lives in the persistence and
 * in-memory adapters): one lock per owner around {@link #update}, and a count of how often an updater ran
 * under it. {@link #tokens} is the same store as the GHL client sees it.
 */
final class CountingCredentialStore implements CredentialStore {
    private final ConcurrentMap<CredentialOwner, StoredCredential> credentials = new ConcurrentHashMap<>();
    private final ConcurrentMap<CredentialOwner, Object> locks = new ConcurrentHashMap<>();
    final AtomicInteger updaterRuns = new AtomicInteger();
    final TokenStore tokens = new CredentialTokenStore(this);

    @Override
    public Optional<StoredCredential> find(CredentialOwner owner) {
        return Optional.ofNullable(credentials.get(owner));
    }

    @Override
    public void save(StoredCredential credential) {
        credentials.put(credential.owner(), credential);
    }

    @Override
    public boolean revoke(CredentialOwner owner) {
        return credentials.remove(owner) != null;
    }

    @Override
    public StoredCredential update(
            CredentialOwner owner, Function<Optional<StoredCredential>, StoredCredential> updater) {
        synchronized (locks.computeIfAbsent(owner, o -> new Object())) {
            updaterRuns.incrementAndGet();
            StoredCredential next = updater.apply(find(owner));
            save(next);
            return next;
        }
    }
}
