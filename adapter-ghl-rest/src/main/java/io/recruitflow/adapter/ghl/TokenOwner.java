package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.LocationId;
import java.util.Objects;

/** Whose OAuth token: an agency (company) or a single location. GHL limits rates per owner. */
public record TokenOwner(Type type, String id) {
    public enum Type {
        COMPANY,
        LOCATION
    }

    public TokenOwner {
        Objects.requireNonNull(type, "type");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("token owner id must not be blank");
        }
        if (id.length() > 200) {
            throw new IllegalArgumentException("token owner id is longer than 200 characters");
        }
        id = id.strip();
    }

    public static TokenOwner location(LocationId location) {
        return new TokenOwner(Type.LOCATION, location.value());
    }

    public static TokenOwner company(CompanyId company) {
        return new TokenOwner(Type.COMPANY, company.value());
    }

    @Override
    public String toString() {
        return type + ":" + id;
    }
}
