package io.recruitflow.application.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A credential Recruitflow holds for an account of the CRM: the secret that authorises calls, until
 * {@code expiresAt}, and the single-use secret that renews it. The core never reads it; the CRM adapter
 * does. {@link #toString()} never shows a secret.
 */
public record StoredCredential(
        CredentialOwner owner, String secret, Optional<String> renewal, Instant expiresAt, Set<String> grants) {
    public StoredCredential {
        Objects.requireNonNull(owner, "owner");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the secret is missing");
        }
        renewal = renewal == null ? Optional.empty() : renewal.filter(r -> !r.isEmpty());
        Objects.requireNonNull(expiresAt, "expiresAt");
        grants = Set.copyOf(grants);
    }

    @Override
    public String toString() {
        return "StoredCredential[owner=" + owner + ", secret=***, renewal=" + (renewal.isPresent() ? "***" : "none")
                + ", expiresAt=" + expiresAt + ", grants=" + grants + "]";
    }
}
