package io.recruitflow.adapter.ghl;

import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.Installations;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    private final CredentialStore credentials; // null with a static token

    GhlInstallations(GhlClientConfig config, TokenManager tokens, CredentialStore credentials) {
        this.config = config;
        this.tokens = tokens;
        this.credentials = credentials;
    }

    @Override
    public boolean selfInstallable() {
        return tokens != null;
    }

    /** The chooselocation URL with the app's client id, redirect URI and scopes; {@code state} comes back. */
    @Override
    public URI consentUrl(String state) {
        return consentUrl(state, Optional.empty());
    }

    /**
     * The chooselocation URL with {@code user_type} ({@code Company} for an agency, {@code Location}) added. On GHL
     * the person picks the agency or a sub-account on the marketplace page (as the app's "Who can install" allows);
     * GHL documents no such parameter there. The sandbox approves at once for the user type it names. The code
     * exchange names the same user type.
     */
    @Override
    public URI consentUrl(String state, Installer installer) {
        return consentUrl(state, Optional.of(installer));
    }

    private URI consentUrl(String state, Optional<Installer> installer) {
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
        installer.ifPresent(i -> url.addQueryParameter("user_type", i == Installer.AGENCY ? "Company" : "Location"));
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

    /**
     * Keeps the location's token if one is stored (a location-level install's code exchange stored it), else
     * mints and stores it from the agency's ({@code POST /oauth/locationToken}). GHL's INSTALL for "future
     * locations" may lack {@code companyId} (webhook-events/AppInstall.md): then the agency is the one agency
     * whose token is stored; with none, or several to choose from, nothing can be minted and the answer says
     * so. An INSTALL may also arrive before the agency's code exchange stored its token (highlevel-api-docs
     * #294): that is an {@link ExternalFailure.AccessDenied}, and the webhook is retried. Nothing with a static
     * token.
     */
    @Override
    public LocationAccess addLocation(Optional<CompanyId> agency, LocationId location) {
        if (tokens == null) {
            return LocationAccess.NOT_SELF_INSTALLABLE;
        }
        if (tokens.holds(TokenOwner.location(location))) {
            return LocationAccess.HELD;
        }
        Optional<CompanyId> from = agency.or(this::soleAgency);
        if (from.isEmpty()) {
            return LocationAccess.UNOBTAINABLE;
        }
        tokens.locationToken(from.get(), location);
        return LocationAccess.OBTAINED;
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

    /** The agency whose token is stored, when there is exactly one. */
    private Optional<CompanyId> soleAgency() {
        List<String> agencies = credentials.ownerIds(TokenOwner.Type.COMPANY.name());
        return agencies.size() == 1 ? Optional.of(new CompanyId(agencies.get(0))) : Optional.empty();
    }

    private void requireOAuth() {
        if (tokens == null) {
            throw new IllegalStateException("OAuth is not configured: this client uses a static token");
        }
    }
}
