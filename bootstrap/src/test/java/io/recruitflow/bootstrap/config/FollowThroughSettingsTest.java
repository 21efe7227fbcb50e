package io.recruitflow.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.presentations.PresentationSettings;
import io.recruitflow.application.stalls.StallSettings;
import io.recruitflow.domain.pipeline.RecruitingStage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The presentations.* and stalls.* settings: defaults, overrides, and a bad value stops the start naming it. */
class FollowThroughSettingsTest {
    static PresentationSettings presentations(Map<String, String> env) {
        return RecruitflowConfig.presentations(Settings.load(Optional.empty(), env));
    }

    static StallSettings stalls(Map<String, String> env) {
        return RecruitflowConfig.stalls(Settings.load(Optional.empty(), env));
    }

    @Test
    void theDefaultsFollowThePlaybook() {
        PresentationSettings p = presentations(Map.of());
        assertThat(p.reminderOffsets()).containsExactly(Duration.ofHours(24), Duration.ofHours(1));
        assertThat(p.noShowDelay()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.reschedules()).isEqualTo(1);
        assertThat(p.archive()).isTrue();
        assertThat(p.noShow("cal_presentation", Map.of("First", "Ann")))
                .contains("https://api.leadconnectorhq.com/widget/booking/cal_presentation")
                .startsWith("Hi Ann,");
        StallSettings s = stalls(Map.of());
        assertThat(s.limits())
                .containsEntry(RecruitingStage.INTERESTED, Duration.ofDays(3))
                .containsEntry(RecruitingStage.PRESENTATION_SCHEDULED, Duration.ofDays(2))
                .doesNotContainKey(RecruitingStage.CONTRACTED);
        assertThat(s.every()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void everythingIsConfigurable() {
        PresentationSettings p = presentations(Map.of(
                "RECRUITFLOW_PRESENTATION_REMINDERS", "2h, 48h",
                "RECRUITFLOW_PRESENTATION_NOSHOW_DELAY", "0",
                "RECRUITFLOW_PRESENTATION_RESCHEDULES", "2",
                "RECRUITFLOW_PRESENTATION_ARCHIVE", "false",
                "RECRUITFLOW_PRESENTATION_REBOOKING_URL", "https://book.example.com/gary",
                "RECRUITFLOW_PRESENTATION_REMINDER_TEXT", "{First}: see you {When}. STOP to opt out"));
        assertThat(p.reminderOffsets()).as("latest first").containsExactly(Duration.ofHours(48), Duration.ofHours(2));
        assertThat(p.noShowDelay()).isZero();
        assertThat(p.reschedules()).isEqualTo(2);
        assertThat(p.archive()).isFalse();
        assertThat(p.reminder("Tue at 10:00 AM", Map.of("First", "Ann")))
                .isEqualTo("Ann: see you Tue at 10:00 AM. STOP to opt out");
        assertThat(presentations(Map.of("RECRUITFLOW_PRESENTATION_REMINDERS", "none"))
                        .reminderOffsets())
                .isEmpty();
        StallSettings s = stalls(Map.of(
                "RECRUITFLOW_STALL_LIMITS",
                "interested=5d, Presentation_Scheduled=12h",
                "RECRUITFLOW_STALL_EVERY",
                "1m"));
        assertThat(s.limits())
                .containsOnlyKeys(RecruitingStage.INTERESTED, RecruitingStage.PRESENTATION_SCHEDULED)
                .containsEntry(RecruitingStage.PRESENTATION_SCHEDULED, Duration.ofHours(12));
        assertThat(s.every()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void badValuesStopTheStartNamingTheVariable() {
        for (Map.Entry<String, String> bad : List.of(
                Map.entry("RECRUITFLOW_PRESENTATION_REMINDERS", "tomorrow"),
                Map.entry("RECRUITFLOW_PRESENTATION_REMINDERS", "8d"),
                Map.entry("RECRUITFLOW_PRESENTATION_REMINDERS", "1h,1h"),
                Map.entry("RECRUITFLOW_PRESENTATION_REMINDER_TEXT", "See you {Date}"),
                Map.entry("RECRUITFLOW_PRESENTATION_NOSHOW_DELAY", "2d"),
                Map.entry("RECRUITFLOW_PRESENTATION_NOSHOW_TEXT", "Sorry we missed you!"),
                Map.entry("RECRUITFLOW_PRESENTATION_REBOOKING_URL", "book.example.com"),
                Map.entry("RECRUITFLOW_PRESENTATION_RESCHEDULES", "many"),
                Map.entry("RECRUITFLOW_PRESENTATION_ARCHIVE", "maybe"))) {
            assertThatThrownBy(() -> presentations(Map.of(bad.getKey(), bad.getValue())))
                    .as(bad.toString())
                    .isInstanceOf(Settings.ConfigException.class)
                    .hasMessageContaining(bad.getKey());
        }
        for (Map.Entry<String, String> bad : List.of(
                Map.entry("RECRUITFLOW_STALL_LIMITS", "Interested"),
                Map.entry("RECRUITFLOW_STALL_LIMITS", "Warm=3d"),
                Map.entry("RECRUITFLOW_STALL_LIMITS", "Contracted=3d"),
                Map.entry("RECRUITFLOW_STALL_LIMITS", "Interested=3d,Interested=4d"),
                Map.entry("RECRUITFLOW_STALL_EVERY", "2d"))) {
            assertThatThrownBy(() -> stalls(Map.of(bad.getKey(), bad.getValue())))
                    .as(bad.toString())
                    .isInstanceOf(Settings.ConfigException.class)
                    .hasMessageContaining(bad.getKey());
        }
    }
}
