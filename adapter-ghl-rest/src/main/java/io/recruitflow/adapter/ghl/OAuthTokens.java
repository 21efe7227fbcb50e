package io.recruitflow.adapter.ghl;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An OAuth token pair for one owner. GHL refresh tokens are single-use: every refresh returns a new
 * pair, which must be stored before the access token is used. {@link #toString()} never shows a token.
 */
public record OAuthTokens(
        TokenOwner owner, String accessToken, String refreshToken, Instant expiresAt, Set<String> scopes) {
    public OAuthTokens {
        Objects.requireNonNull(owner, "owner");
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("access token is missing");
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
        scopes = Set.copyOf(scopes);
    }

    /** Whether the access token expires within {@code skew} of {@code now}. */
    public boolean expiresWithin(Duration skew, Instant now) {
        return !expiresAt.isAfter(now.plus(skew));
    }

    @Override
    public String toString() {
        return "OAuthTokens[owner=" + owner + ", accessToken=***, refreshToken=***, expiresAt=" + expiresAt
                + ", scopes=" + scopes + "]";
    }
}
