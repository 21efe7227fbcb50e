package io.recruitflow.extension.noshow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.recruit.RecruitId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoShowFollowUpSettingsTest {

    @Test
    void theDefaultTagIsNoShowAndAnyOtherOneLineTagWillDo() {
        assertThat(NoShowFollowUpSettings.defaults().tag()).isEqualTo("No-Show");
        assertThat(new NoShowFollowUpSettings("  missed-idecide ").tag()).isEqualTo("missed-idecide");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "two\nlines", "a,b"})
    void aTagGhlCouldNotKeepIsRefused(String tag) {
        assertThatThrownBy(() -> new NoShowFollowUpSettings(tag)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTooLongTagIsRefused() {
        assertThatThrownBy(() -> new NoShowFollowUpSettings("x".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100");
    }

    @Test
    void theCommandNeedsARecruitAndAnAppointment() {
        RecruitId recruit = new RecruitId(UUID.randomUUID());
        assertThatThrownBy(() -> new NoShowFollowUpCommand(null, new AppointmentId("apt_1")))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new NoShowFollowUpCommand(recruit, null)).isInstanceOf(NullPointerException.class);
    }
}
