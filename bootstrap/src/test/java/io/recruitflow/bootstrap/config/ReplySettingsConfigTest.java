package io.recruitflow.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.replies.ReplySettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RECRUITFLOW_OPTOUT_CONFIRMATION, RECRUITFLOW_OPTOUT_CONFIRMATION_TEXT and RECRUITFLOW_HELP_TEXT. */
class ReplySettingsConfigTest {
    static ReplySettings replies(Map<String, String> env) {
        return RecruitflowConfig.replies(Settings.load(Optional.empty(), env));
    }

    @Test
    void confirmationsAreOnByDefaultWithTextsThatNameTheSender() {
        ReplySettings d = replies(Map.of());
        assertThat(d.confirmOptOut()).isTrue();
        assertThat(d.confirmationText()).contains("OOC Unlimited").contains("unsubscribed");
        assertThat(d.helpText()).contains("OOC Unlimited").contains("Reply STOP to opt out");
        assertThat(d.concerns()).isEmpty();
    }

    @Test
    void theTextsAndTheSwitchAreConfigurable() {
        ReplySettings r = replies(Map.of(
                "RECRUITFLOW_OPTOUT_CONFIRMATION", "false",
                "RECRUITFLOW_OPTOUT_CONFIRMATION_TEXT", "Acme: you are unsubscribed.",
                "RECRUITFLOW_HELP_TEXT", "Acme recruiting. Call 800-555-0100."));
        assertThat(r.confirmOptOut()).isFalse();
        assertThat(r.confirmationText()).isEqualTo("Acme: you are unsubscribed.");
        assertThat(r.concerns()).singleElement().asString().contains("opt out");
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> replies(Map.of("RECRUITFLOW_OPTOUT_CONFIRMATION", "sometimes")))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("RECRUITFLOW_OPTOUT_CONFIRMATION must be true or false");
        assertThatThrownBy(() -> replies(Map.of("RECRUITFLOW_OPTOUT_CONFIRMATION_TEXT", "x".repeat(400))))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("RECRUITFLOW_OPTOUT_CONFIRMATION_TEXT");
        assertThatThrownBy(() -> replies(Map.of("RECRUITFLOW_HELP_TEXT", "y".repeat(400))))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("RECRUITFLOW_HELP_TEXT");
    }
}
