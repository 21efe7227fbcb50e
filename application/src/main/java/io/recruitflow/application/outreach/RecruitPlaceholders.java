package io.recruitflow.application.outreach;

import io.recruitflow.domain.recruit.Recruit;
import java.util.Map;

/** The values of a message template's placeholders for a recruit: {@code First}, {@code Last}, {@code FullName}, {@code State}. */
public final class RecruitPlaceholders {
    private RecruitPlaceholders() {}

    public static Map<String, String> of(Recruit recruit) {
        return Map.of(
                "First", recruit.name().first(),
                "Last", recruit.name().last(),
                "FullName", recruit.name().full(),
                "State", recruit.license().state().displayName());
    }
}
