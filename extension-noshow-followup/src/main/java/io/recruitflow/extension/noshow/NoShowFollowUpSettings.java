package io.recruitflow.extension.noshow;

import java.util.Objects;

/**
 * How the no-show follow-up tags: the GHL tag a recruit who missed a presentation gets (so a smart list or a GHL
 * workflow can pick them up). Checked when made, so a mistake fails at start-up rather than at a no-show.
 *
 * @param tag the tag, e.g. {@code No-Show}; not blank, one line, at most 100 characters
 */
public record NoShowFollowUpSettings(String tag) {
    public static final String DEFAULT_TAG = "No-Show";

    public NoShowFollowUpSettings {
        Objects.requireNonNull(tag, "tag is required");
        tag = tag.strip();
        if (tag.isEmpty()) {
            throw new IllegalArgumentException("the no-show tag is blank");
        }
        if (tag.length() > 100 || tag.contains("\n") || tag.contains("\r")) {
            throw new IllegalArgumentException("the no-show tag must be one line of at most 100 characters");
        }
        if (tag.contains(",")) {
            throw new IllegalArgumentException("the no-show tag may not contain a comma (GHL splits tags on it)");
        }
    }

    /** The tag {@value #DEFAULT_TAG}. */
    public static NoShowFollowUpSettings defaults() {
        return new NoShowFollowUpSettings(DEFAULT_TAG);
    }
}
