package io.recruitflow.contracts;

import static io.recruitflow.contracts.Fixtures.at;
import static io.recruitflow.contracts.Fixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.domain.shared.OAuthTokens;
import io.recruitflow.domain.shared.TokenOwner;
import io.recruitflow.domain.shared.TokenStore;
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
 * What every {@link TokenStore} must do, above all: {@link TokenStore#refresh} runs the refresher under an
 * exclusive per-owner lock, so that of several callers that find an expired token exactly one refreshes
 * it (GHL refresh tokens are single-use; a second refresh with the same token would be refused).
 *
 * <p>Stores shared by several instances (a database) override {@link #sameStoreOtherInstance} so that the
 * concurrent tests also race across instances.
 */
public abstract class TokenStoreContract {

    /** A new, empty store; called once per test. */
    protected abstract TokenStore newTokenStore();

    /**
     * Another instance over the same storage as {@code store} (another service instance sharing the
     * database). Defaults to {@code store} itself, for stores that live in one process.
     */
    protected TokenStore sameStoreOtherInstance(TokenStore store) {
        return store;
    }

    private static final Instant NOW = at(0);
    private final TokenOwner location = new TokenOwner(TokenOwner.Type.LOCATION, "loc_tok_1");
    private TokenStore store;

    @BeforeEach
    void createStore() {
        store = newTokenStore();
    }

    @Test
    void an_owner_without_tokens_has_none() {
        assertThat(store.find(location)).isEmpty();
        assertThat(store.revoke(location)).isFalse();
    }

    @Test
    void save_then_find_round_trips_every_field() {
        OAuthTokens saved = tokens(location, "access-1", at(60));

        store.save(saved);

        assertThat(store.find(location)).contains(saved);
    }

    @Test
    void save_replaces_the_owners_pair() {
        store.save(tokens(location, "access-1", at(60)));
        OAuthTokens second = tokens(location, "access-2", at(120));

        store.save(second);

        assertThat(store.find(location)).contains(second);
    }

    @Test
    void owners_are_separate_even_with_the_same_id_string() {
        TokenOwner company = new TokenOwner(TokenOwner.Type.COMPANY, "loc_tok_1");
        OAuthTokens locationTokens = tokens(location, "access-loc", at(60));
        OAuthTokens companyTokens = tokens(company, "access-comp", at(60));

        store.save(locationTokens);
        store.save(companyTokens);

        assertThat(store.find(location)).contains(locationTokens);
        assertThat(store.find(company)).contains(companyTokens);
        assertThat(store.revoke(company)).isTrue();
        assertThat(store.find(location)).contains(locationTokens);
    }

    @Test
    void revoke_forgets_the_tokens_once() {
        store.save(tokens(location, "access-1", at(60)));

        assertThat(store.revoke(location)).isTrue();

        assertThat(store.find(location)).isEmpty();
        assertThat(store.revoke(location)).isFalse();
    }

    @Test
    void refresh_stores_and_returns_what_the_refresher_returns() {
        OAuthTokens old = tokens(location, "access-old", at(-1));
        store.save(old);
        OAuthTokens fresh = tokens(location, "access-new", at(60));
        List<Optional<OAuthTokens>> seen = new java.util.ArrayList<>();

        OAuthTokens result = store.refresh(location, current -> {
            seen.add(current);
            return fresh;
        });

        assertThat(seen).containsExactly(Optional.of(old));
        assertThat(result).isEqualTo(fresh);
        assertThat(store.find(location)).contains(fresh);
    }

    @Test
    void refresh_of_an_owner_without_tokens_hands_the_refresher_nothing() {
        OAuthTokens minted = tokens(location, "access-minted", at(60));

        OAuthTokens result = store.refresh(location, current -> {
            assertThat(current).isEmpty();
            return minted;
        });

        assertThat(result).isEqualTo(minted);
        assertThat(store.find(location)).contains(minted);
    }

    @Test
    void a_failing_refresher_changes_nothing_and_releases_the_lock() {
        OAuthTokens old = tokens(location, "access-old", at(-1));
        store.save(old);

        assertThatThrownBy(() -> store.refresh(location, current -> {
                    throw new IllegalStateException("GHL refused the refresh token");
                }))
                .hasMessageContaining("GHL refused the refresh token");

        assertThat(store.find(location)).contains(old);
        OAuthTokens fresh = tokens(location, "access-new", at(60));
        assertThat(store.refresh(location, current -> fresh)).isEqualTo(fresh);
        assertThat(store.find(location)).contains(fresh);
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 5, 8})
    void of_concurrent_refreshes_of_an_expired_token_exactly_one_refreshes(int threads) {
        OAuthTokens expired = tokens(location, "access-expired", at(-1));
        store.save(expired);
        TokenStore other = sameStoreOtherInstance(store);
        AtomicInteger refreshes = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Function<Optional<OAuthTokens>, OAuthTokens> refreshIfExpired = current -> {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                if (current.isPresent() && !current.get().expiresWithin(Duration.ofMinutes(1), NOW)) {
                    return current.get(); // another caller refreshed meanwhile
                }
                int n = refreshes.incrementAndGet();
                Thread.yield(); // widen the window a broken lock would let a second caller into
                return tokens(location, "access-new-" + n, at(60));
            } finally {
                inside.decrementAndGet();
            }
        };

        List<OAuthTokens> results =
                Concurrently.run(threads, i -> () -> (i % 2 == 0 ? store : other).refresh(location, refreshIfExpired));

        assertThat(refreshes).hasValue(1);
        assertThat(overlaps).hasValue(0);
        OAuthTokens fresh = tokens(location, "access-new-1", at(60));
        assertThat(results).containsOnly(fresh);
        assertThat(store.find(location)).contains(fresh);
        assertThat(other.find(location)).contains(fresh);
    }

    @Test
    void the_refresh_lock_is_per_owner() throws InterruptedException {
        TokenOwner otherOwner = new TokenOwner(TokenOwner.Type.LOCATION, "loc_tok_2");
        CountDownLatch otherRefreshed = new CountDownLatch(1);
        CountDownLatch firstInside = new CountDownLatch(1);
        OAuthTokens first = tokens(location, "access-first", at(60));
        OAuthTokens second = tokens(otherOwner, "access-second", at(60));

        List<OAuthTokens> results = Concurrently.run(2, i -> () -> {
            if (i == 0) {
                // Holds the first owner's lock until the second owner's refresh has completed.
                return store.refresh(location, current -> {
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
            OAuthTokens r = store.refresh(otherOwner, current -> second);
            otherRefreshed.countDown();
            return r;
        });

        assertThat(results).containsExactly(first, second);
        assertThat(store.find(location)).contains(first);
        assertThat(store.find(otherOwner)).contains(second);
    }
}
