package io.recruitflow.domain.shared;

/** A GHL agency (company) id, e.g. {@code comp_abc}. */
public record CompanyId(String value) {
    public CompanyId {
        value = Ids.require(value, "CompanyId");
    }

    @Override
    public String toString() {
        return value;
    }
}
