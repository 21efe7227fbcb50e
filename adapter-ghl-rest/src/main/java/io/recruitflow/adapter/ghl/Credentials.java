package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.LocationId;
import java.util.Optional;

/**
 * Where the {@code Authorization} header of a call comes from, and whose token (and rate budget) a call on a
 * location or a company uses: a static token (one owner for everything) or each owner's OAuth tokens.
 */
interface Credentials {

    /** Whose token a call on the location uses. */
    TokenOwner ownerOf(LocationId location);

    /** Whose token a call on the agency uses. */
    TokenOwner ownerOf(CompanyId company);

    /**
     * The credential for the call's owner, refreshed first when it is about to expire.
     *
     * @throws io.recruitflow.domain.shared.ExternalFailure.AccessDenied when there is none
     */
    Credential current(GhlCall call);

    /**
     * After a 401 with {@code used}: a refreshed credential (at most one refresh per owner at a time), or
     * empty when refreshing cannot help (static tokens).
     */
    Optional<Credential> afterUnauthorized(GhlCall call, Credential used);

    /** A bearer credential. {@link #toString()} never shows the token. */
    final class Credential {
        final String accessToken;
        final String header;
        /** Whether this call just refreshed the token: a 401 now is final, not another refresh. */
        final boolean refreshedNow;

        Credential(String accessToken, boolean refreshedNow) {
            this.accessToken = accessToken;
            this.header = "Bearer " + accessToken;
            this.refreshedNow = refreshedNow;
        }

        @Override
        public String toString() {
            return "Credential[***" + (refreshedNow ? ", refreshed" : "") + "]";
        }
    }
}
