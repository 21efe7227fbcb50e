package io.recruitflow.domain.shared;

import java.net.URI;
import java.util.Optional;

/**
 * GHL's OAuth 2.0 endpoints for a marketplace app: the authorization URL, the code exchange and the
 * agency-to-location token exchange. Refreshing is the GHL adapter's own business.
 */
public interface GhlAuthorization {

    /** Whether the app is configured for OAuth (a client id and secret); static-token set-ups answer false. */
    boolean oauthConfigured();

    /** The URL to send the installing user to; {@code state} comes back on the callback. */
    URI authorizationUrl(String state);

    /** Exchanges an authorization code for tokens of the company or location that installed the app. */
    OAuthTokens exchangeCode(String code, TokenOwner.Type userType);

    /** Mints a location token from the company's token (GHL's {@code /oauth/locationToken}). */
    OAuthTokens locationToken(CompanyId company, LocationId location);

    /** The remaining request budget GHL last declared for the owner, if known. */
    default Optional<RateBudget> budget(TokenOwner owner) {
        return Optional.empty();
    }
}
