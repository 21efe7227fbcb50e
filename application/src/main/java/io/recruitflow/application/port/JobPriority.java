package io.recruitflow.application.port;

/**
 * Which job runs first when several are due. A new lead's first text must never wait behind another
 * import's bulk steps.
 */
public enum JobPriority {
    /** Work on the path to a new lead's first text. */
    SPEED_TO_LEAD(30),
    /** Reactions to GHL events. */
    EVENTS(20),
    /** Everything else: follow-up steps, deferred texts, re-imports. */
    BULK(10);

    private final int weight;

    JobPriority(int weight) {
        this.weight = weight;
    }

    /** Higher runs first. */
    public int weight() {
        return weight;
    }

    /** The priority a {@link Job#rank()} belongs to. */
    public static JobPriority ofRank(int rank) {
        for (JobPriority p : values()) {
            int top = p.weight * (Job.MAX_POSITION + 1);
            if (rank <= top && rank > top - (Job.MAX_POSITION + 1)) {
                return p;
            }
        }
        return BULK;
    }
}
