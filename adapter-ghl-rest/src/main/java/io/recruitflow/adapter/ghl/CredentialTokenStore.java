package io.recruitflow.adapter.ghl;

import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.StoredCredential;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's {@link TokenStore} over the system's neutral {@link CredentialStore}: an {@link OAuthTokens}
 * pair is a {@link StoredCredential} (the access token its secret, the refresh token its renewal, the scopes
 * its grants), and a {@link TokenOwner} is a {@link CredentialOwner} of kind {@code COMPANY} or {@code
 * LOCATION} with the same id. The store's renewal lease per owner is what serialises refreshes.
 */
final class CredentialTokenStore implements TokenStore {
    private final CredentialStore credentials;

    CredentialTokenStore(CredentialStore credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public Optional<OAuthTokens> find(TokenOwner owner) {
        return credentials.find(owner(owner)).map(CredentialTokenStore::tokens);
    }

    @Override
    public void save(OAuthTokens tokens) {
        credentials.save(credential(tokens));
    }

    @Override
    public List<String> ownerIds(TokenOwner.Type type) {
        return credentials.ownerIds(type.name());
    }

    @Override
    public boolean revoke(TokenOwner owner) {
        return credentials.revoke(owner(owner));
    }

    @Override
    public boolean lease(TokenOwner owner, String holder, Instant now, Instant until) {
        return credentials.lease(owner(owner), holder, now, until);
    }

    @Override
    public void release(TokenOwner owner, String holder) {
        credentials.release(owner(owner), holder);
    }

    static CredentialOwner owner(TokenOwner owner) {
        return new CredentialOwner(owner.type().name(), owner.id());
    }

    static TokenOwner owner(CredentialOwner owner) {
        TokenOwner.Type type;
        try {
            type = TokenOwner.Type.valueOf(owner.kind());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a GHL credential owner: " + owner, e);
        }
        return new TokenOwner(type, owner.id());
    }

    static StoredCredential credential(OAuthTokens tokens) {
        return new StoredCredential(
                owner(tokens.owner()),
                tokens.accessToken(),
                Optional.ofNullable(tokens.refreshToken()),
                tokens.expiresAt(),
                tokens.scopes());
    }

    static OAuthTokens tokens(StoredCredential credential) {
        return new OAuthTokens(
                owner(credential.owner()),
                credential.secret(),
                credential.renewal().orElse(null),
                credential.expiresAt(),
                credential.grants());
    }

    @Override
    public String toString() {
        return "CredentialTokenStore[" + credentials.getClass().getSimpleName() + "]";
    }
}
