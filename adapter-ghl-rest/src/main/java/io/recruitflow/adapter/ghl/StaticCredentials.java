package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.LocationId;
import java.util.Optional;

/**
 * A Private Integration Token or a v1 API key: one token for every call, never refreshed, and so one owner
 * (one rate budget, one circuit breaker) for every call: the configured default location, else a fixed key.
 */
final class StaticCredentials implements Credentials {
    /** The owner of a static token when no default location is configured. */
    static final TokenOwner UNNAMED = new TokenOwner(TokenOwner.Type.LOCATION, "static-token");

    private final Credential credential;
    private final TokenOwner owner;

    StaticCredentials(String token, TokenOwner owner) {
        this.credential = new Credential(token, false);
        this.owner = owner;
    }

    /** The one owner of a static-token client. */
    static TokenOwner ownerOf(GhlClientConfig config) {
        return config.defaultLocation().map(TokenOwner::location).orElse(UNNAMED);
    }

    @Override
    public TokenOwner ownerOf(LocationId location) {
        return owner;
    }

    @Override
    public TokenOwner ownerOf(CompanyId company) {
        return owner;
    }

    @Override
    public Credential current(GhlCall call) {
        return credential;
    }

    @Override
    public Optional<Credential> afterUnauthorized(GhlCall call, Credential used) {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "StaticCredentials[***]";
    }
}
