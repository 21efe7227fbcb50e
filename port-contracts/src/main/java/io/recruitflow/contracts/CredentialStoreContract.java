package io.recruitflow.contracts;

import static io.recruitflow.contracts.Fixtures.at;
import static io.recruitflow.contracts.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.StoredCredential;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link CredentialStore} must do, above all: {@link CredentialStore#update} runs the updater
 * under an exclusive per-owner lock, so that of several callers that find an expired credential exactly
 * one renews it (GHL refresh tokens are single-use; a second refresh with the same token is refused).
 *
 * <p>Stores shared by several instances (a database) override {@link #sameStoreOtherInstance} so that the
 * concurrent tests also race across instances.
 */
public abstract class CredentialStoreContract {

    /** A new, empty store; called once per test. */
    protected abstract CredentialStore newCredentialStore();

    /**
     * Another instance over the same storage as {@code store} (another service instance sharing the
     * database). Defaults to {@code store} itself, for stores that live in one process.
     */
    protected CredentialStore sameStoreOtherInstance(CredentialStore store) {
        return store;
    }

    private static final Instant NOW = at(0);
    private final CredentialOwner location = new CredentialOwner("LOCATION", "loc_tok_1");
    private CredentialStore store;

    @BeforeEach
    void createStore() {
        store = newCredentialStore();
    }

    @Test
    void an_owner_without_tokens_has_none() {
        assertThat(store.find(location)).isEmpty();
        assertThat(store.revoke(location)).isFalse();
    }

    @Test
    void save_then_find_round_trips_every_field() {
        StoredCredential saved = credential(location, "access-1", at(60));

        store.save(saved);

        assertThat(store.find(location)).contains(saved);
    }

    @Test
    void the_owners_of_a_kind_holding_a_credential_are_listed() {
        CredentialOwner agency = new CredentialOwner("COMPANY", "comp_tok_1");
        CredentialOwner other = new CredentialOwner("LOCATION", "loc_tok_2");
        assertThat(store.ownerIds("COMPANY")).isEmpty();
        store.save(credential(agency, "access-a", at(60)));
        store.save(credential(location, "access-1", at(60)));
        store.save(credential(other, "access-2", at(60)));

        assertThat(store.ownerIds("COMPANY")).containsExactly("comp_tok_1");
        assertThat(store.ownerIds("LOCATION")).containsExactly("loc_tok_1", "loc_tok_2");
        store.revoke(agency);
        assertThat(store.ownerIds("COMPANY")).isEmpty();
    }

    @Test
    void save_replaces_the_owners_pair() {
        store.save(credential(location, "access-1", at(60)));
        StoredCredential second = credential(location, "access-2", at(120));

        store.save(second);

        assertThat(store.find(location)).contains(second);
    }

    @Test
    void owners_are_separate_even_with_the_same_id_string() {
        CredentialOwner company = new CredentialOwner("COMPANY", "loc_tok_1");
        StoredCredential locationTokens = credential(location, "access-loc", at(60));
        StoredCredential companyTokens = credential(company, "access-comp", at(60));

        store.save(locationTokens);
        store.save(companyTokens);

        assertThat(store.find(location)).contains(locationTokens);
        assertThat(store.find(company)).contains(companyTokens);
        assertThat(store.revoke(company)).isTrue();
        assertThat(store.find(location)).contains(locationTokens);
    }

    @Test
    void revoke_forgets_the_tokens_once() {
        store.save(credential(location, "access-1", at(60)));

        assertThat(store.revoke(location)).isTrue();

        assertThat(store.find(location)).isEmpty();
        assertThat(store.revoke(location)).isFalse();
    }

    @Test
    void refresh_stores_and_returns_what_the_refresher_returns() {
        StoredCredential old = credential(location, "access-old", at(-1));
        store.save(old);
        StoredCredential fresh = credential(location, "access-new", at(60));
        List<Optional<StoredCredential>> seen = new java.util.ArrayList<>();

        StoredCredential result = store.update(location, current -> {
            seen.add(current);
            return fresh;
        });

        assertThat(seen).containsExactly(Optional.of(old));
        assertThat(result).isEqualTo(fresh);
        assertThat(store.find(location)).contains(fresh);
    }

    @Test
    void refresh_of_an_owner_without_tokens_hands_the_refresher_nothing() {
        StoredCredential minted = credential(location, "access-minted", at(60));

        StoredCredential result = store.update(location, current -> {
            assertThat(current).isEmpty();
            return minted;
        });

        assertThat(result).isEqualTo(minted);
        assertThat(store.find(location)).contains(minted);
    }

    @Test
    void a_failing_refresher_changes_nothing_and_releases_the_lock() {
        StoredCredential old = credential(location, "access-old", at(-1));
        store.save(old);

        assertThatThrownBy(() -> store.update(location, current -> {
                    throw new IllegalStateException("GHL refused the refresh token");
                }))
                .hasMessageContaining("GHL refused the refresh token");

        assertThat(store.find(location)).contains(old);
        StoredCredential fresh = credential(location, "access-new", at(60));
        assertThat(store.update(location, current -> fresh)).isEqualTo(fresh);
        assertThat(store.find(location)).contains(fresh);
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 5, 8})
    void of_concurrent_refreshes_of_an_expired_token_exactly_one_refreshes(int threads) {
        StoredCredential expired = credential(location, "access-expired", at(-1));
        store.save(expired);
        CredentialStore other = sameStoreOtherInstance(store);
        AtomicInteger refreshes = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Function<Optional<StoredCredential>, StoredCredential> refreshIfExpired = current -> {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                if (current.isPresent() && current.get().expiresAt().isAfter(NOW.plus(Duration.ofMinutes(1)))) {
                    return current.get(); // another caller refreshed meanwhile
                }
                int n = refreshes.incrementAndGet();
                Thread.yield(); // widen the window a broken lock would let a second caller into
                return credential(location, "access-new-" + n, at(60));
            } finally {
                inside.decrementAndGet();
            }
        };

        List<StoredCredential> results =
                Concurrently.run(threads, i -> () -> (i % 2 == 0 ? store : other).update(location, refreshIfExpired));

        assertThat(refreshes).hasValue(1);
        assertThat(overlaps).hasValue(0);
        StoredCredential fresh = credential(location, "access-new-1", at(60));
        assertThat(results).containsOnly(fresh);
        assertThat(store.find(location)).contains(fresh);
        assertThat(other.find(location)).contains(fresh);
    }

    @Test
    void the_refresh_lock_is_per_owner() throws InterruptedException {
        CredentialOwner otherOwner = new CredentialOwner("LOCATION", "loc_tok_2");
        CountDownLatch otherRefreshed = new CountDownLatch(1);
        CountDownLatch firstInside = new CountDownLatch(1);
        StoredCredential first = credential(location, "access-first", at(60));
        StoredCredential second = credential(otherOwner, "access-second", at(60));

        List<StoredCredential> results = Concurrently.run(2, i -> () -> {
            if (i == 0) {
                // Holds the first owner's lock until the second owner's refresh has completed.
                return store.update(location, current -> {
                    firstInside.countDown();
                    try {
                        if (!otherRefreshed.await(10, TimeUnit.SECONDS)) {
                            throw new AssertionError("the second owner's refresh waited for the first owner's lock");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                    return first;
                });
            }
            if (!firstInside.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the first refresher never ran");
            }
            StoredCredential r = store.update(otherOwner, current -> second);
            otherRefreshed.countDown();
            return r;
        });

        assertThat(results).containsExactly(first, second);
        assertThat(store.find(location)).contains(first);
        assertThat(store.find(otherOwner)).contains(second);
    }
}
