package io.recruitflow.adapter.webhook;

import java.util.List;

/**
 * What {@code recruit.jte} shows of one recruit, every value already formatted: no name, phone or email, the
 * states that decide its texting rules, and the compliance decisions on its texts, newest first.
 */
record RecruitPageView(
        String id,
        String generatedAt,
        String licenseState,
        String addressState,
        String stage,
        String intro,
        List<DecisionRow> decisions) {

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
