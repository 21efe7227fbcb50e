package io.recruitflow.adapter.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.StoredCredential;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** OAuth tokens kept in the neutral credential store: the mapping both ways, and refreshes under its lock. */
class CredentialTokenStoreTest {
    private static final Instant EXPIRES = Instant.parse("2026-02-13T13:00:00Z");

    private final CountingCredentialStore credentials = new CountingCredentialStore();
    private final TokenStore tokens = new CredentialTokenStore(credentials);

    @Test
    void aTokenPairIsACredentialOfTheSameOwner() {
        OAuthTokens pair = new OAuthTokens(
                TokenOwner.location(new LocationId("loc_1")),
                "access-1",
                "refresh-1",
                EXPIRES,
                Set.of("contacts.write"));

        tokens.save(pair);

        StoredCredential stored =
                credentials.find(new CredentialOwner("LOCATION", "loc_1")).orElseThrow();
        assertThat(stored)
                .isEqualTo(new StoredCredential(
                        new CredentialOwner("LOCATION", "loc_1"),
                        "access-1",
                        Optional.of("refresh-1"),
                        EXPIRES,
                        Set.of("contacts.write")));
        assertThat(tokens.find(pair.owner())).contains(pair);
        assertThat(stored.toString()).doesNotContain("access-1").doesNotContain("refresh-1");
    }

    @Test
    void anAgencyIsACompanyOwnerAndAMintedLocationTokenHasNoRenewal() {
        TokenOwner agency = TokenOwner.company(new CompanyId("comp_abc"));
        tokens.save(new OAuthTokens(agency, "agency-access", "agency-refresh", EXPIRES, Set.of()));
        OAuthTokens minted =
                new OAuthTokens(TokenOwner.location(new LocationId("loc_2")), "minted", null, EXPIRES, Set.of());
        tokens.save(minted);

        assertThat(credentials.find(new CredentialOwner("COMPANY", "comp_abc"))).isPresent();
        assertThat(credentials
                        .find(new CredentialOwner("LOCATION", "loc_2"))
                        .orElseThrow()
                        .renewal())
                .isEmpty();
        assertThat(tokens.find(minted.owner())).contains(minted);
    }

    @Test
    void theRenewalLeaseIsTheStoresPerOwnerLease() {
        TokenOwner owner = TokenOwner.location(new LocationId("loc_1"));
        tokens.save(new OAuthTokens(owner, "old", "refresh-1", EXPIRES, Set.of()));

        assertThat(tokens.lease(owner, "a", EXPIRES, EXPIRES.plusSeconds(60))).isTrue();
        assertThat(credentials.lease(new CredentialOwner("LOCATION", "loc_1"), "b", EXPIRES, EXPIRES.plusSeconds(60)))
                .isFalse();
        tokens.release(owner, "a");
        assertThat(tokens.lease(owner, "b", EXPIRES, EXPIRES.plusSeconds(60))).isTrue();

        assertThat(credentials.leases).hasValue(2);
        assertThat(tokens.revoke(owner)).isTrue();
        assertThat(tokens.find(owner)).isEmpty();
        assertThat(tokens.revoke(owner)).isFalse();
    }

    @Test
    void tokensNeverShowInToString() {
        OAuthTokens pair = new OAuthTokens(
                TokenOwner.location(new LocationId("loc")), "secret-access", "secret-refresh", EXPIRES, Set.of());

        assertThat(pair.toString()).doesNotContain("secret-access").doesNotContain("secret-refresh");
        assertThat(CredentialTokenStore.credential(pair).toString())
                .doesNotContain("secret-access")
                .doesNotContain("secret-refresh");
    }

    @Test
    void aCredentialOfAnotherKindIsNotAGhlOwner() {
        assertThatThrownBy(() -> CredentialTokenStore.owner(new CredentialOwner("AGENCY", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a GHL credential owner");
    }
}
