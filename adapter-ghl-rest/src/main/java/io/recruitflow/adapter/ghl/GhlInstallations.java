package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.GhlAuthorization;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.RateBudget;
import java.net.URI;
import java.util.Optional;
import java.util.TreeSet;
import okhttp3.HttpUrl;

/**
 * {@link GhlAuthorization}: the authorization URL ({@code <marketplace>/v2/oauth/chooselocation}), the code
 * exchange and agency-to-location tokens, all of which store what they get in the {@code TokenStore}. With a
 * static token only {@link #budget} works; the OAuth methods fail with {@link IllegalStateException}.
 */
final class GhlInstallations implements GhlAuthorization {
    private final GhlClientConfig config;
    private final TokenManager tokens; // null with a static token
    private final RateBudgets budgets;

    GhlInstallations(GhlClientConfig config, TokenManager tokens, RateBudgets budgets) {
        this.config = config;
        this.tokens = tokens;
        this.budgets = budgets;
    }

    @Override
    public boolean oauthConfigured() {
        return tokens != null;
    }

    @Override
    public URI authorizationUrl(String state) {
        requireOAuth();
        URI redirect = config.redirectUri()
                .orElseThrow(
                        () -> new IllegalStateException("OAuth needs a redirect URI to build the authorization URL"));
        HttpUrl.Builder url = HttpUrl.get(config.marketplaceUrl().toString())
                .newBuilder()
                .addPathSegments("v2/oauth/chooselocation")
                .addQueryParameter("response_type", "code")
                .addQueryParameter("redirect_uri", redirect.toString())
                .addQueryParameter("client_id", config.clientId().orElseThrow())
                .addQueryParameter("scope", String.join(" ", new TreeSet<>(config.scopes())));
        if (state != null && !state.isBlank()) {
            url.addQueryParameter("state", state);
        }
        return url.build().uri();
    }

    @Override
    public OAuthTokens exchangeCode(String code, TokenOwner.Type userType) {
        requireOAuth();
        return tokens.exchangeCode(code, userType);
    }

    @Override
    public OAuthTokens locationToken(CompanyId company, LocationId location) {
        requireOAuth();
        return tokens.locationToken(company, location);
    }

    @Override
    public Optional<RateBudget> budget(TokenOwner owner) {
        return budgets.budget(owner);
    }

    private void requireOAuth() {
        if (tokens == null) {
            throw new IllegalStateException("OAuth is not configured: this client uses a static token");
        }
    }
}
