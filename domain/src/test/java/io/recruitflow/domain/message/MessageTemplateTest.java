package io.recruitflow.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {
    @Test
    void theDefaultIntroIsTheReferencesTextWithHowToOptOut() {
        assertThat(MessageTemplate.DEFAULT_INTRO_SMS.render(Map.of("First", "John", "State", "Florida")))
                .isEqualTo(
                        "Hi John, this is Gary from OOC Unlimited. I noticed you're a licensed agent in Florida. "
                                + "I'd love to share an opportunity with you. When's a good time to chat? Reply STOP to opt out.");
        assertThat(MessageTemplate.DEFAULT_INTRO_SMS.firstTextConcerns()).isEmpty();
    }

    @Test
    void aFirstTextThatNamesNoSenderOrNoWayToOptOutIsPointedOut() {
        assertThat(new MessageTemplate("Hi {First}, want to hear about an opportunity?").firstTextConcerns())
                .hasSize(2)
                .anySatisfy(c -> assertThat(c).contains("sender"))
                .anySatisfy(c -> assertThat(c).contains("opt out"));
        assertThat(new MessageTemplate("Hi {First}, it's Dana from Acme Agency. Text STOP to end these.")
                        .firstTextConcerns())
                .isEmpty();
        assertThat(new MessageTemplate("Hi {First}, this is Dana. Interested?").firstTextConcerns())
                .singleElement()
                .satisfies(c -> assertThat(c).contains("opt out"));
        // "stop" in another sense is not an instruction to opt out.
        assertThat(new MessageTemplate("This is Dana: don't stop now! Reply YES.").firstTextConcerns())
                .singleElement()
                .satisfies(c -> assertThat(c).contains("opt out"));
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
