package io.recruitflow.application.routing;

import java.util.Optional;
import java.util.Set;

/**
 * A recruit's tier as it travels: the tag {@code Tier-A} on the recruit (and so on its CRM contact), from which
 * the custom field and the backlog order are read back.
 */
public final class Tier {
    /** Tiers tag recruits {@code Tier-A} ... {@code Tier-Z}. */
    public static final String TAG_PREFIX = "Tier-";

    /** The rank of an untiered recruit in its location's backlog: after every tier. */
    public static final int UNTIERED = 26;

    private Tier() {}

    public static String tag(char tier) {
        return TAG_PREFIX + tier;
    }

    /** The tier the tags carry, if any. */
    public static Optional<Character> of(Set<String> tags) {
        for (String tag : tags) {
            if (tag.length() == TAG_PREFIX.length() + 1
                    && tag.regionMatches(true, 0, TAG_PREFIX, 0, TAG_PREFIX.length())) {
                char c = Character.toUpperCase(tag.charAt(TAG_PREFIX.length()));
                if (c >= 'A' && c <= 'Z') {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** 0 for tier A, 1 for B, ..., {@link #UNTIERED} without a tier. */
    public static int rank(Set<String> tags) {
        return of(tags).map(c -> c - 'A').orElse(UNTIERED);
    }
}
