package io.recruitflow.adapter.ghl;

import java.util.Optional;

/** Where the {@code Authorization} header of a call comes from: a static token or an owner's OAuth tokens. */
interface Credentials {

    /** The credential to call as {@code owner}, refreshed first when it is about to expire. */
    Credential current(TokenOwner owner);

    /**
     * After a 401 with {@code used}: a refreshed credential (at most one refresh per owner at a time), or
     * empty when refreshing cannot help (static tokens).
     */
    Optional<Credential> afterUnauthorized(TokenOwner owner, Credential used);

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
