package io.recruitflow.contracts;

import static io.recruitflow.contracts.Fixtures.at;
import static io.recruitflow.contracts.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.StoredCredential;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every {@link CredentialStore} must do, above all: of several claimants of an owner's renewal lease
 * ({@link CredentialStore#lease}) exactly one holds it at a time, until it gives it back or the lease lapses,
 * so that of several callers that find an expired credential exactly one renews it (GHL refresh tokens are
 * single-use; a second refresh with the same token is refused).
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
    void a_free_lease_is_granted_and_extended_by_its_holder() {
        assertThat(store.lease(location, "a", NOW, NOW.plusSeconds(60))).isTrue();

        assertThat(store.lease(location, "a", NOW.plusSeconds(30), NOW.plusSeconds(90)))
                .as("the holder extends its own lease")
                .isTrue();
        assertThat(store.lease(location, "b", NOW.plusSeconds(60), NOW.plusSeconds(120)))
                .as("the extension counts: at 60 s the lease runs until 90 s")
                .isFalse();
    }

    @Test
    void a_held_lease_is_refused_to_others_until_it_lapses() {
        CredentialStore other = sameStoreOtherInstance(store);
        assertThat(store.lease(location, "a", NOW, NOW.plusSeconds(60))).isTrue();

        assertThat(other.lease(location, "b", NOW.plusSeconds(59), NOW.plusSeconds(120)))
                .isFalse();
        assertThat(other.lease(location, "b", NOW.plusSeconds(60), NOW.plusSeconds(120)))
                .as("a dead holder's lease lapses at its end")
                .isTrue();
        assertThat(store.lease(location, "a", NOW.plusSeconds(61), NOW.plusSeconds(121)))
                .as("the former holder lost it")
                .isFalse();
    }

    @Test
    void release_frees_only_the_holders_lease() {
        assertThat(store.lease(location, "a", NOW, NOW.plusSeconds(60))).isTrue();

        store.release(location, "b");
        assertThat(store.lease(location, "b", NOW, NOW.plusSeconds(60))).isFalse();

        store.release(location, "a");
        assertThat(store.lease(location, "b", NOW, NOW.plusSeconds(60))).isTrue();
        store.release(location, "nobody");
        store.release(new CredentialOwner("LOCATION", "loc_never_leased"), "a");
    }

    @Test
    void leases_are_per_owner_and_leave_the_credential_alone() {
        CredentialOwner otherOwner = new CredentialOwner("LOCATION", "loc_tok_2");
        StoredCredential saved = credential(location, "access-1", at(60));
        store.save(saved);

        assertThat(store.lease(location, "a", NOW, NOW.plusSeconds(60))).isTrue();
        assertThat(store.lease(otherOwner, "b", NOW, NOW.plusSeconds(60))).isTrue();
        assertThat(store.lease(new CredentialOwner("COMPANY", "loc_tok_1"), "b", NOW, NOW.plusSeconds(60)))
                .isTrue();

        assertThat(store.find(location)).contains(saved);
        StoredCredential renewed = credential(location, "access-2", at(120));
        store.save(renewed);
        assertThat(store.find(location)).contains(renewed);
    }

    @ParameterizedTest(name = "{0} claimants, lease lapsed before: {1}")
    @CsvSource({"2, false", "5, false", "8, false", "2, true", "5, true"})
    void of_concurrent_claimants_exactly_one_is_granted(int threads, boolean lapsed) {
        CredentialStore other = sameStoreOtherInstance(store);
        Instant now = NOW;
        if (lapsed) {
            assertThat(store.lease(location, "dead", NOW, NOW.plusSeconds(60))).isTrue();
            now = NOW.plus(Duration.ofMinutes(2));
        }
        Instant at = now;

        List<Boolean> granted = Concurrently.run(
                threads,
                i -> () -> (i % 2 == 0 ? store : other).lease(location, "holder-" + i, at, at.plusSeconds(60)));

        assertThat(granted.stream().filter(g -> g)).hasSize(1);
    }
}
