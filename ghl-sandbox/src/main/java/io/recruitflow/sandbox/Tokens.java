package io.recruitflow.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens: one private integration token per location (never expires) and OAuth tokens of the
 * emulated marketplace app. Refresh tokens are single-use: redeeming one removes it atomically, so a
 * second (or concurrent) use of the same refresh token is refused, as GHL does.
 */
final class Tokens {
    enum Kind {
        PRIVATE_INTEGRATION,
        OAUTH
    }

    /** What a bearer token may do. {@code locationId} is null for a Company (agency) token. */
    record Grant(Kind kind, String userType, String companyId, String locationId, String scope, Instant expiresAt) {
        boolean isCompany() {
            return locationId == null;
        }

        /** GHL limits per app per location (or company): a private integration is its own app. */
        String rateLimitResource() {
            return kind + ":" + (locationId != null ? locationId : companyId);
        }
    }

    /** An approved install waiting to be exchanged at {@code /oauth/token}. */
    record AuthorizationCode(
            String companyId, String locationId, String scope, String redirectUri, Instant expiresAt) {}

    private record RefreshGrant(String userType, String companyId, String locationId, String scope) {}

    static final String ALL_SCOPES = "contacts.readonly contacts.write opportunities.readonly "
            + "opportunities.write calendars.readonly calendars.write calendars/events.readonly "
            + "calendars/events.write conversations.readonly conversations.write "
            + "conversations/message.readonly conversations/message.write workflows.readonly "
            + "locations.readonly locations/customFields.readonly users.readonly oauth.readonly oauth.write";

    private final Clock clock;
    private final Duration accessTokenLifetime;
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

    Tokens(Clock clock, Duration accessTokenLifetime) {
        this.clock = clock;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    String issuePrivateIntegrationToken(String companyId, String locationId) {
        String token = GhlIds.secret("pit-", 32);
        accessTokens.put(
                token, new Grant(Kind.PRIVATE_INTEGRATION, "Location", companyId, locationId, ALL_SCOPES, null));
        return token;
    }

    /** The grant of a bearer token, or a 401 like GHL's when it is missing, unknown or expired. */
    Grant authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw ApiException.unauthorized("Invalid JWT");
        }
        String token = authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorizationHeader.substring(7).trim()
                : authorizationHeader.trim();
        Grant grant = accessTokens.get(token);
        if (grant == null) {
            throw ApiException.unauthorized("Invalid JWT");
        }
        if (grant.expiresAt() != null && !clock.instant().isBefore(grant.expiresAt())) {
            throw ApiException.unauthorized("Invalid JWT: token expired");
        }
        return grant;
    }

    String issueCode(String companyId, String locationId, String scope, String redirectUri) {
        String code = GhlIds.secret("", 40);
        codes.put(
                code,
                new AuthorizationCode(
                        companyId,
                        locationId,
                        scope,
                        redirectUri,
                        clock.instant().plus(Duration.ofMinutes(10))));
        return code;
    }

    /** Redeems a code once; null when unknown, used or expired. */
    AuthorizationCode redeemCode(String code) {
        AuthorizationCode redeemed = code == null ? null : codes.remove(code);
        if (redeemed == null || !clock.instant().isBefore(redeemed.expiresAt())) {
            return null;
        }
        return redeemed;
    }

    /** An issued access token (and refresh token, if any). */
    record Issued(String accessToken, String refreshToken, Grant grant, long expiresInSeconds) {}

    Issued issueOAuth(String userType, String companyId, String locationId, String scope, boolean withRefresh) {
        String access = GhlIds.secret("", 48);
        Grant grant = new Grant(
                Kind.OAUTH,
                userType,
                companyId,
                "Company".equals(userType) ? null : locationId,
                scope,
                clock.instant().plus(accessTokenLifetime));
        accessTokens.put(access, grant);
        String refresh = null;
        if (withRefresh) {
            refresh = GhlIds.secret("", 48);
            refreshTokens.put(refresh, new RefreshGrant(userType, companyId, locationId, scope));
        }
        return new Issued(access, refresh, grant, accessTokenLifetime.toSeconds());
    }

    /** Redeems a refresh token once and issues a new pair; null when the token is unknown or used. */
    Issued refresh(String refreshToken) {
        RefreshGrant used = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        if (used == null) {
            return null;
        }
        return issueOAuth(used.userType(), used.companyId(), used.locationId(), used.scope(), true);
    }

    /** Uninstalling the app from a location revokes its OAuth tokens there. */
    void revokeOAuth(String locationId) {
        accessTokens.values().removeIf(g -> g.kind() == Kind.OAUTH && locationId.equals(g.locationId()));
        refreshTokens.values().removeIf(g -> locationId.equals(g.locationId()) && "Location".equals(g.userType()));
    }
}
