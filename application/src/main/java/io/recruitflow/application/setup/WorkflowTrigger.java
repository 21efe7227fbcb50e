package io.recruitflow.application.setup;

import java.util.Locale;
import java.util.Optional;

/**
 * How a new recruit enters the speed-to-lead workflow: by an enrollment call per recruit (the reference's
 * way, the default), or by a tag the contact upsert adds, with the workflow's trigger "Contact Tag added"
 * set to that tag in the CRM, so the enrollment rides on the upsert and a lead costs one call less.
 */
public sealed interface WorkflowTrigger {

    /** The tag the upsert adds, when enrollment is delegated to one. */
    Optional<String> tag();

    /** One enrollment call per recruit ({@code api}). */
    record Api() implements WorkflowTrigger {
        @Override
        public Optional<String> tag() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "api";
        }
    }

    /** The upsert adds the tag; the CRM's workflow, triggered by the tag being added, enrolls ({@code tag:NAME}). */
    record Tag(String name) implements WorkflowTrigger {
        public Tag {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the trigger tag is blank");
            }
            if (name.contains(",")) {
                throw new IllegalArgumentException("the trigger tag may not contain a comma");
            }
            name = name.strip();
        }

        @Override
        public Optional<String> tag() {
            return Optional.of(name);
        }

        /** Whether a contact's tag is this one (the CRM compares tags ignoring case). */
        public boolean matches(String tag) {
            return tag != null && tag.strip().equalsIgnoreCase(name);
        }

        @Override
        public String toString() {
            return "tag:" + name;
        }
    }

    /**
     * No enrollment ({@code none}): recruits are not enrolled in a CRM workflow, so that Recruitflow's own cadences
     * are the only follow-up (no one gets both). The intake's enrollment step makes no call and says so.
     */
    record None() implements WorkflowTrigger {
        @Override
        public Optional<String> tag() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    /** {@code api}, {@code tag:NAME} or {@code none}. */
    static WorkflowTrigger parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.toLowerCase(Locale.ROOT).equals("api")) {
            return new Api();
        }
        if (value.toLowerCase(Locale.ROOT).equals("none")) {
            return new None();
        }
        if (value.toLowerCase(Locale.ROOT).startsWith("tag:")) {
            return new Tag(value.substring(4));
        }
        throw new IllegalArgumentException("must be api, tag:NAME or none, was: " + value);
    }
}
