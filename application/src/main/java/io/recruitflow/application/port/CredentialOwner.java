package io.recruitflow.application.port;

/**
 * Whose credential: an account of the CRM, as the CRM adapter names it (GHL: {@code LOCATION}/{@code
 * COMPANY} and the account's id). Opaque to the core.
 */
public record CredentialOwner(String kind, String id) {
    public CredentialOwner {
        if (kind == null || kind.isBlank() || id == null || id.isBlank()) {
            throw new IllegalArgumentException("a credential owner needs a kind and an id");
        }
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
