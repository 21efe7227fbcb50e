package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.GhlAuthorization;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.OAuthTokens;
import io.recruitflow.domain.shared.TokenOwner;
import java.net.URI;

/** The in-memory GHL has no OAuth app: it says so and refuses every OAuth call. */
public final class InMemoryGhlAuthorization implements GhlAuthorization {
    private static final String NOT_CONFIGURED =
            "OAuth is not configured: the in-memory GHL has no marketplace app (use the GHL REST adapter with a client id and secret)";

    public InMemoryGhlAuthorization() {}

    @Override
    public boolean oauthConfigured() {
        return false;
    }

    @Override
    public URI authorizationUrl(String state) {
        throw new UnsupportedOperationException(NOT_CONFIGURED);
    }

    @Override
    public OAuthTokens exchangeCode(String code, TokenOwner.Type userType) {
        throw new UnsupportedOperationException(NOT_CONFIGURED);
    }

    @Override
    public OAuthTokens locationToken(CompanyId company, LocationId location) {
        throw new UnsupportedOperationException(NOT_CONFIGURED);
    }
}
