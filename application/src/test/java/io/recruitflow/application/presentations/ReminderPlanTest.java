package io.recruitflow.application.presentations;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.CompliancePolicy;
import io.recruitflow.domain.message.Whereabouts;
import io.recruitflow.domain.shared.UsState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reminders of a presentation: 24 h and 1 h before, skipped with the rule when quiet hours or the past hold them. */
class ReminderPlanTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final CompliancePolicy POLICY = CompliancePolicy.enforcing();
    static final List<Duration> DEFAULT = PresentationSettings.DEFAULT_OFFSETS;

    static Instant ny(String local) {
        return LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
    }

    static List<ReminderPlan.Reminder> plan(UsState state, Instant start, Instant now) {
        Whereabouts where = Whereabouts.resolved(List.of(state), List.of(NEW_YORK), "test");
        return ReminderPlan.of(
                start, now, DEFAULT, at -> POLICY.verdict(where, false, false, Channel.SMS, at, List.of()));
    }

    @Test
    void aPresentationAtTwoInTheAfternoonGetsBothRemindersInTheDay() {
        Instant start = ny("2026-02-17T14:00");
        List<ReminderPlan.Reminder> plan = plan(UsState.NY, start, ny("2026-02-12T10:00"));

        assertThat(plan).allMatch(ReminderPlan.Reminder::planned);
        assertThat(plan)
                .extracting(ReminderPlan.Reminder::at)
                .containsExactly(ny("2026-02-16T14:00"), ny("2026-02-17T13:00"));
    }

    @Test
    void aReminderThatWouldFallInQuietHoursIsSkippedWithTheRuleThatForbidsIt() {
        // 9:00 in Connecticut: the 1 h reminder at 8:00 is before CT's 9:00 window; the 24 h one at 9:00 is fine.
        List<ReminderPlan.Reminder> plan = plan(UsState.CT, ny("2026-02-17T09:00"), ny("2026-02-12T10:00"));

        assertThat(plan.get(0).planned()).isTrue();
        assertThat(plan.get(1).skipped())
                .hasValueSatisfying(why -> assertThat(why)
                        .startsWith("skipped: " + ny("2026-02-17T08:00") + " is in the recipient's quiet hours")
                        .contains("CT.hours"));
    }

    @Test
    void aReminderWhoseMomentHasPassedIsSkippedAndNothingIsPlannedAfterTheStart() {
        List<ReminderPlan.Reminder> late = plan(UsState.NY, ny("2026-02-12T15:00"), ny("2026-02-12T10:00"));
        assertThat(late.get(0).skipped())
                .hasValueSatisfying(why -> assertThat(why).contains("booked less than 24h before the start"));
        assertThat(late.get(1).planned()).isTrue();

        List<ReminderPlan.Reminder> started = plan(UsState.NY, ny("2026-02-12T09:00"), ny("2026-02-12T10:00"));
        assertThat(started)
                .allSatisfy(r -> assertThat(r.skipped())
                        .hasValueSatisfying(why -> assertThat(why).contains("the presentation started")));
    }

    @Test
    void offsetsReadAsTheyAreWritten() {
        assertThat(ReminderPlan.human(Duration.ofHours(24))).isEqualTo("24h");
        assertThat(ReminderPlan.human(Duration.ofHours(48))).isEqualTo("2d");
        assertThat(ReminderPlan.human(Duration.ofMinutes(90))).isEqualTo("90m");
    }
}
