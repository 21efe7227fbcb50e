package io.recruitflow.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {
    @Test
    void theDefaultIntroIsTheReferencesText() {
        assertThat(MessageTemplate.DEFAULT_INTRO_SMS.render(Map.of("First", "John", "State", "Florida")))
                .isEqualTo("Hi John, this is Gary from OOC Unlimited. I noticed you're a licensed agent in Florida. "
                        + "I'd love to share an opportunity with you. When's a good time to chat?");
    }

    @Test
    void unknownPlaceholdersAreRefusedUpFront() {
        assertThatThrownBy(() -> new MessageTemplate("Hi {Frist}")).hasMessageContaining("{Frist}");
    }

    @Test
    void valuesAreInsertedLiterally() {
        assertThat(new MessageTemplate("Hi {First}").render(Map.of("First", "$1 \\o/")))
                .isEqualTo("Hi $1 \\o/");
    }
}
