package io.recruitflow.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutKeywordsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "STOP",
                "stop",
                " Stop ",
                "STOP.",
                "stop!",
                "STOPALL",
                "StopAll",
                "UNSUBSCRIBE",
                "unsubscribe",
                "CANCEL",
                "End",
                "quit",
                "REVOKE",
                "OPT OUT",
                "opt out",
                "Opt-Out",
                "optout",
                "OPT  OUT",
                "opt_out",
                "\tSTOP\n"
            })
    void recognisesEveryKeywordAndItsVariants(String reply) {
        assertThat(OptOutKeywords.isOptOut(reply)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "Yes",
                "Don't stop texting me",
                "stop by tomorrow?",
                "STOPPED",
                "the end is near",
                "Can we talk Tuesday?",
                "cancel my 3pm and call me"
            })
    void ordinaryRepliesAreNotOptOuts(String reply) {
        assertThat(OptOutKeywords.isOptOut(reply)).isFalse();
    }

    @Property
    void caseAndSurroundingSpaceNeverMatter(
            @ForAll("keywords") String keyword,
            @ForAll("spaces") String before,
            @ForAll("spaces") String after,
            @ForAll boolean upper) {
        String reply = before + (upper ? keyword.toUpperCase() : keyword.toLowerCase()) + after;
        assertThat(OptOutKeywords.isOptOut(reply)).isTrue();
    }

    @Provide
    Arbitrary<String> keywords() {
        return Arbitraries.of("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "opt out");
    }

    @Provide
    Arbitrary<String> spaces() {
        return Arbitraries.strings().withChars(' ', '\t', '\n').ofMaxLength(3);
    }
}
