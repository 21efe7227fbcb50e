package io.recruitflow.adapter.ghl;

import io.recruitflow.application.port.Installations;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import okhttp3.HttpUrl;

/**
 * The marketplace app's OAuth flow as the core's {@link Installations}: the consent URL ({@code
 * <marketplace>/v2/oauth/chooselocation}), completing an installation by exchanging the code ({@code
 * user_type} Company or Location), adding an agency's location ({@code POST /oauth/locationToken}) and
 * giving up a location's tokens. Whatever it gets is stored in the client's credential store before it is
 * used. With a static token it is not {@linkplain #selfInstallable() self-installable}: {@link #addLocation}
 * and {@link #remove} do nothing, and the OAuth methods fail with {@link IllegalStateException}.
 *
 * <p>For embedders, {@link #exchangeCode}, {@link #locationToken} and {@link #locationTokens} return the
 * tokens themselves.
 */
public final class GhlInstallations implements Installations {
    private final GhlClientConfig config;
    private final TokenManager tokens; // null with a static token

    GhlInstallations(GhlClientConfig config, TokenManager tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    @Override
    public boolean selfInstallable() {
        return tokens != null;
    }

    /** The chooselocation URL with the app's client id, redirect URI and scopes; {@code state} comes back. */
    @Override
    public URI consentUrl(String state) {
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

    /** Exchanges the authorization code ({@code grant}) for the tokens of the agency or location, and stores them. */
    @Override
    public Installed complete(String grant, Installer installer) {
        Objects.requireNonNull(installer, "installer");
        TokenOwner.Type type = switch (installer) {
            case AGENCY -> TokenOwner.Type.COMPANY;
            case LOCATION -> TokenOwner.Type.LOCATION;
        };
        return new Installed(installer, exchangeCode(grant, type).owner().id());
    }

    /** Mints and stores the location's token from the agency's; nothing with a static token. */
    @Override
    public void addLocation(CompanyId agency, LocationId location) {
        if (tokens != null) {
            tokens.locationToken(agency, location);
        }
    }

    /**
     * With OAuth: the location's tokens are stored, or the agency that installed the app (learnt from an INSTALL or
     * an agency install since start, else {@code RECRUITFLOW_GHL_COMPANY_ID}) mints them now. With a static token:
     * the configured location only (a private integration token belongs to one location), any when none is.
     */
    @Override
    public boolean reaches(LocationId location) {
        if (tokens == null) {
            return config.defaultLocation().map(location::equals).orElse(true);
        }
        return tokens.reaches(location);
    }

    /** Forgets the location's tokens (GHL has no revocation endpoint: uninstalling ends them there). */
    @Override
    public boolean remove(LocationId location) {
        return tokens != null && tokens.revoke(TokenOwner.location(location));
    }

    /** Exchanges an authorization code for the tokens of the company or location that installed the app, stored. */
    public OAuthTokens exchangeCode(String code, TokenOwner.Type userType) {
        requireOAuth();
        return tokens.exchangeCode(code, userType);
    }

    /** Mints (and stores) a location token from the company's token (GHL's {@code /oauth/locationToken}). */
    public OAuthTokens locationToken(CompanyId company, LocationId location) {
        requireOAuth();
        return tokens.locationToken(company, location);
    }

    /**
     * Mints (and stores) location tokens from the agency's token for many locations, one after the other within
     * the agency's rate limit. A failure for one location does not stop the others.
     */
    public LocationTokenBatch locationTokens(CompanyId company, Collection<LocationId> locations) {
        requireOAuth();
        Map<LocationId, OAuthTokens> issued = new LinkedHashMap<>();
        Map<LocationId, ExternalFailure> failed = new LinkedHashMap<>();
        for (LocationId location : locations) {
            try {
                issued.put(location, tokens.locationToken(company, location));
            } catch (ExternalFailure e) {
                failed.put(location, e);
            }
        }
        return new LocationTokenBatch(issued, failed);
    }

    private void requireOAuth() {
        if (tokens == null) {
            throw new IllegalStateException("OAuth is not configured: this client uses a static token");
        }
    }
}
