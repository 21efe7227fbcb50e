package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.UserId;
import java.util.Objects;

/**
 * A CRM user a recruit may be assigned to. The name is a person's (staff personal data): shown to the admin, never
 * logged.
 */
public record Recruiter(UserId id, String name) {
    public Recruiter {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name.strip();
    }
}
