package io.recruitflow.domain.pipeline;

/** GHL's opportunity status. */
public enum OpportunityStatus {
    OPEN,
    WON,
    LOST,
    ABANDONED
}
