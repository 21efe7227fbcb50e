package io.recruitflow.application.recruitingreport;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the report groups recruits by: the lead source of the import, the license state, the recruiter (the CRM
 * user the recruit is assigned to, {@value #UNASSIGNED} when none) or the cohort week (the ISO week of
 * acceptance, {@code 2026-W49}, in the report's time zone).
 */
public enum ReportGrouping {
    SOURCE,
    STATE,
    RECRUITER,
    WEEK;

    /** The group of recruits assigned to nobody. */
    public static final String UNASSIGNED = "unassigned";

    /** The name used in URLs and on the command line: {@code source}, {@code state}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The grouping named {@code key} (any case), if it is one. */
    public static Optional<ReportGrouping> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.name().equals(k)).findFirst();
    }

    /** {@code source|state|recruiter|week}, for messages. */
    public static String choices() {
        return Arrays.stream(values()).map(ReportGrouping::key).collect(Collectors.joining("|"));
    }
}
