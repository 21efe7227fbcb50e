package io.recruitflow.extension.noshow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.recruit.RecruitId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoShowFollowUpSettingsTest {

    @Test
    void theDefaultTemplateGreetsByFirstNameAndLinks() {
        NoShowFollowUpSettings settings =
                NoShowFollowUpSettings.withDefaultTemplate("https://book.example.com/x?a=1&b=$2");

        assertThat(settings.render(Map.of("First", "Maria")))
                .isEqualTo("Hi Maria, sorry we missed you! Pick a new time for your iDecide presentation: "
                        + "https://book.example.com/x?a=1&b=$2");
    }

    @Test
    void aCustomTemplateMayUseEveryRecruitPlaceholder() {
        NoShowFollowUpSettings settings = new NoShowFollowUpSettings(
                "http://cal.example.com/r", "{FullName} ({State}): rebook at {Link} - {Last}");

        assertThat(settings.render(Map.of("FullName", "Ann Lee", "State", "Texas", "Last", "Lee")))
                .isEqualTo("Ann Lee (Texas): rebook at http://cal.example.com/r - Lee");
    }

    @Test
    void aTemplateWithoutTheLinkIsRefused() {
        assertThatThrownBy(() -> new NoShowFollowUpSettings("https://book.example.com", "Hi {First}, call us!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{Link}");
    }

    @Test
    void anUnknownPlaceholderIsRefusedAtStartUpNotWhenTexting() {
        assertThatThrownBy(() -> new NoShowFollowUpSettings("https://book.example.com", "Hi {Frist}: {Link}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{Frist}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "book.example.com/x",
                "/relative",
                "ftp://book.example.com",
                "https://",
                "https://a b.com",
                "https://book.example.com/{First}"
            })
    void theRebookingUrlMustBeAnAbsoluteHttpUrl(String url) {
        assertThatThrownBy(() -> NoShowFollowUpSettings.withDefaultTemplate(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rebookingUrl");
    }

    @Test
    void nothingIsOptional() {
        assertThatThrownBy(() -> new NoShowFollowUpSettings(null, "{Link}")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new NoShowFollowUpSettings("https://b.example.com", null))
                .isInstanceOf(NullPointerException.class);
        RecruitId recruit = new RecruitId(UUID.randomUUID());
        assertThatThrownBy(() -> new NoShowFollowUpCommand(null, new AppointmentId("a")))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("recruit");
        assertThatThrownBy(() -> new NoShowFollowUpCommand(recruit, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("appointment");
    }

    @Test
    void theMessageKeyIsOnePerAppointment() {
        assertThat(NoShowFollowUpService.keyOf(new AppointmentId("apt_1")).value())
                .isEqualTo("noshow-follow-up/apt_1");
    }
}
