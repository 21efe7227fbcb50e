package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.StoredCredential;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * {@link CredentialStore} in memory, for one process: credentials are not encrypted (they never leave the
 * heap) and the update lock is a per-owner {@link ReentrantLock}. Several service instances need the
 * database-backed store instead.
 */
public final class InMemoryCredentialStore implements CredentialStore {
    private final Map<CredentialOwner, StoredCredential> credentials = new ConcurrentHashMap<>();
    private final Map<CredentialOwner, ReentrantLock> locks = new ConcurrentHashMap<>();

    public InMemoryCredentialStore() {}

    @Override
    public Optional<StoredCredential> find(CredentialOwner owner) {
        return Optional.ofNullable(credentials.get(owner));
    }

    @Override
    public void save(StoredCredential credential) {
        credentials.put(credential.owner(), credential);
    }

    @Override
    public List<String> ownerIds(String kind) {
        return credentials.keySet().stream()
                .filter(owner -> owner.kind().equals(kind))
                .map(CredentialOwner::id)
                .sorted()
                .toList();
    }

    @Override
    public boolean revoke(CredentialOwner owner) {
        return credentials.remove(owner) != null;
    }

    @Override
    public StoredCredential update(
            CredentialOwner owner, Function<Optional<StoredCredential>, StoredCredential> updater) {
        ReentrantLock lock = locks.computeIfAbsent(owner, o -> new ReentrantLock());
        lock.lock();
        try {
            StoredCredential next = Objects.requireNonNull(updater.apply(find(owner)), "the updater returned null");
            if (!next.owner().equals(owner)) {
                throw new IllegalArgumentException("the updater returned tokens of " + next.owner() + " for " + owner);
            }
            save(next);
            return next;
        } finally {
            lock.unlock();
        }
    }
}
