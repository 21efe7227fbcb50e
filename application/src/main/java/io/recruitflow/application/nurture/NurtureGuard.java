package io.recruitflow.application.nurture;

import io.recruitflow.application.outreach.SendCondition;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.nurture.NurtureSteps;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * The nurture's part of the gate every message passes ({@link SendCondition}): a step's message goes only while the
 * step is open and no news cancelling it is stored — read from the store before the decision, and claimed
 * atomically at the moment of sending, after the rate-limit wait, so that a reply arriving by webhook while the
 * step waits for its permit still stops it. The recruit's consent is read afresh too (an opt-out stored meanwhile).
 * Messages that are not steps pass.
 */
@Singleton
public class NurtureGuard implements SendCondition {
    private final NurtureSteps steps;
    private final Recruits recruits;

    @Inject
    public NurtureGuard(NurtureSteps steps, Recruits recruits) {
        this.steps = steps;
        this.recruits = recruits;
    }

    @Override
    public Optional<String> cancelled(MessageRecord message, RecruitId recruit) {
        if (!isStep(message)) {
            return Optional.empty();
        }
        Optional<NurtureStep> step = steps.find(message.key().value());
        if (step.isEmpty()) {
            return Optional.empty();
        }
        if (!step.get().claimable()) {
            return Optional.of(why(step.get()));
        }
        return optedOut(recruit);
    }

    @Override
    public Optional<String> claim(MessageRecord message, RecruitId recruit, Instant at) {
        if (!isStep(message)) {
            return Optional.empty();
        }
        Optional<String> consent = optedOut(recruit);
        if (consent.isPresent()) {
            return consent;
        }
        String key = message.key().value();
        if (steps.find(key).isEmpty() || steps.claim(key, at)) {
            return Optional.empty();
        }
        return Optional.of(steps.find(key).map(NurtureGuard::why).orElse("cancelled"));
    }

    private Optional<String> optedOut(RecruitId recruit) {
        return recruits.find(recruit).filter(r -> r.consent().optedOut()).map(r -> "cancelled: the recruit opted out");
    }

    private static boolean isStep(MessageRecord message) {
        return message.key().value().startsWith(NurtureStep.KEY_PREFIX);
    }

    private static String why(NurtureStep step) {
        return step.reason()
                .filter(r -> step.cancelledAt().isPresent())
                .orElse("step " + step.status().name().toLowerCase(java.util.Locale.ROOT));
    }
}
