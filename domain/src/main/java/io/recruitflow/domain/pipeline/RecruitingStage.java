package io.recruitflow.domain.pipeline;

/** The stages of recruiting, in order. Their GHL names are configurable ({@link StageNames}). */
public enum RecruitingStage {
    LEAD("Lead"),
    CONTACTED("Contacted"),
    INTERESTED("Interested"),
    PRESENTATION_SCHEDULED("Presentation Scheduled"),
    CONTRACTED("Contracted");

    private final String defaultName;

    RecruitingStage(String defaultName) {
        this.defaultName = defaultName;
    }

    public String defaultName() {
        return defaultName;
    }

    public static RecruitingStage first() {
        return LEAD;
    }

    public boolean isBefore(RecruitingStage other) {
        return ordinal() < other.ordinal();
    }
}
