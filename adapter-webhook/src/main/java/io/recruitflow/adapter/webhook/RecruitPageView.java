package io.recruitflow.adapter.webhook;

import java.util.List;

/**
 * What {@code recruit.jte} shows of one recruit, every value already formatted: no name, phone or email, the
 * states that decide its texting rules, the compliance decisions on its texts, newest first, its follow-ups
 * (planned, sent, skipped, cancelled, with why) and the owner's alerts about it.
 */
record RecruitPageView(
        String id,
        String generatedAt,
        String licenseState,
        String addressState,
        String stage,
        String intro,
        List<DecisionRow> decisions,
        List<FollowUpRow> followUps,
        List<AlertRow> alerts) {

    /** A follow-up (nurture step): what, when due, its status and why. */
    record FollowUpRow(
            String what, String action, String channel, String dueAt, String status, String reason, String key) {}

    /** An alert of the owner about this recruit. */
    record AlertRow(String at, String kind, String text) {}

    record DecisionRow(
            String decidedAt,
            String message,
            String channel,
            String decision,
            String notBefore,
            List<ReasonRow> reasons,
            String jurisdictions,
            String zones,
            String textsCounted) {}

    record ReasonRow(String rule, String text, String source) {}
}
