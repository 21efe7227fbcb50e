package io.recruitflow.domain.recruit;

/** The steps of the intake saga, in the order they run for each recruit. */
public enum IntakeStep {
    /** Upsert the GHL contact with tags, custom fields and source. */
    UPSERT_CONTACT,
    /** Create the opportunity at the first stage of the recruiting pipeline. */
    CREATE_OPPORTUNITY,
    /** Send the intro text (or email, for a lead without a phone) when compliance allows. */
    SEND_INTRO,
    /** Enroll the contact in the speed-to-lead workflow. */
    ENROLL_WORKFLOW;

    public boolean isLast() {
        return this == values()[values().length - 1];
    }
}
