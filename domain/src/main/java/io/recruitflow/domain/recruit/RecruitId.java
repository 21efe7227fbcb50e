package io.recruitflow.domain.recruit;

import java.util.Objects;
import java.util.UUID;

/** Our own id of a recruit, assigned when the lead is accepted and stable across retries. */
public record RecruitId(UUID value) {
    public RecruitId {
        Objects.requireNonNull(value, "value");
    }

    public static RecruitId random() {
        return new RecruitId(UUID.randomUUID());
    }

    public static RecruitId parse(String s) {
        return new RecruitId(UUID.fromString(s));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
