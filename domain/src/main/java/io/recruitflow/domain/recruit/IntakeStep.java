package io.recruitflow.domain.recruit;

/**
 * The steps of the intake saga, in the order they run for each recruit. The intro goes right after the contact
 * (speed to lead: nothing stands between a new lead and its first text but its contact), and the opportunity is
 * then created at the stage the intro reached — Contacted when the CRM accepted the text, the first stage when it
 * waits for quiet hours or cannot go — so no stage move follows for the usual lead.
 */
public enum IntakeStep {
    /** Upsert the GHL contact with tags, custom fields and source. */
    UPSERT_CONTACT,
    /** Send the intro text (or email, for a lead without a phone) when compliance allows. */
    SEND_INTRO,
    /** Create the opportunity in the recruiting pipeline, at Contacted when the intro was sent, else at the first stage. */
    CREATE_OPPORTUNITY,
    /** Enroll the contact in the speed-to-lead workflow. */
    ENROLL_WORKFLOW;

    public boolean isLast() {
        return this == values()[values().length - 1];
    }

    /**
     * Whether this step can only run once {@code earlier} succeeded: when {@code earlier} fails for good, the
     * steps that need it are skipped. A recruit whose intro could not be sent still gets its opportunity (a person
     * sees it in the pipeline), but is not enrolled.
     */
    public boolean needs(IntakeStep earlier) {
        if (earlier.ordinal() >= ordinal()) {
            return false;
        }
        return !(this == CREATE_OPPORTUNITY && earlier == SEND_INTRO);
    }
}
