package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.shared.UserId;
import java.util.Objects;

/** A GHL user, e.g. the recruiter opportunities are assigned to. */
public record User(UserId id, String name, String email) {
    public User {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        email = email == null ? "" : email;
    }
}
