package io.recruitflow.adapter.ghl;

import java.util.Optional;

/** A Private Integration Token or a v1 API key: one token for every call, never refreshed. */
final class StaticCredentials implements Credentials {
    private final Credential credential;

    StaticCredentials(String token) {
        this.credential = new Credential(token, false);
    }

    @Override
    public Credential current(TokenOwner owner) {
        return credential;
    }

    @Override
    public Optional<Credential> afterUnauthorized(TokenOwner owner, Credential used) {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "StaticCredentials[***]";
    }
}
