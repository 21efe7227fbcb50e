package io.recruitflow.adapter.ghl;

import java.util.Objects;

/** Whose OAuth token: an agency (company) or a single location. GHL limits rates per owner. */
public record TokenOwner(Type type, String id) {
    public enum Type {
        COMPANY,
        LOCATION
    }

    public TokenOwner {
        Objects.requireNonNull(type, "type");
        id = Ids.require(id, "token owner id");
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
