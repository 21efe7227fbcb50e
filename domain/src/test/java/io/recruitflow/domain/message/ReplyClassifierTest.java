package io.recruitflow.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.message.ReplyMeaning.Intent;
import io.recruitflow.domain.message.ReplyMeaning.OptOut;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class ReplyClassifierTest {

    /** The corpus: src/test/resources/reply-corpus.csv, one reply per line with its expected meaning. */
    @ParameterizedTest(name = "[{index}] {2} -> {0}/{1}")
    @CsvFileSource(
            resources = "/reply-corpus.csv",
            delimiter = '|',
            quoteCharacter = '`',
            numLinesToSkip = 1,
            ignoreLeadingAndTrailingWhitespace = false,
            encoding = "UTF-8")
    void theCorpus(String optOut, String intent, String reply) {
        ReplyMeaning meaning = ReplyClassifier.classify(reply);
        assertThat(meaning.optOut())
                .as("%s (why: %s)", reply, meaning.why())
                .isEqualTo(OptOut.valueOf(optOut.toUpperCase(Locale.ROOT)));
        assertThat(meaning.intent())
                .as("%s (why: %s)", reply, meaning.why())
                .isEqualTo(Intent.valueOf(intent.toUpperCase(Locale.ROOT)));
        assertThat(meaning.why()).isNotBlank();
    }

    @Test
    void theCorpusHasAtLeastEightyMessagesOfEveryKind() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/reply-corpus.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            long replies = java.util.Arrays.stream(lines)
                    .filter(l -> l.matches("^(yes|no|review)\\|.*"))
                    .count();
            assertThat(replies).isGreaterThanOrEqualTo(80);
            for (String kind : new String[] {"yes|", "no|none", "review|", "no|help", "no|opt_in"}) {
                assertThat(java.util.Arrays.stream(lines).filter(l -> l.startsWith(kind)))
                        .as(kind)
                        .isNotEmpty();
            }
        }
    }

    @Test
    void saysWhichKeywordOrPhraseDecided() {
        assertThat(ReplyClassifier.classify("STOP 🛑").why()).contains("STOP");
        assertThat(ReplyClassifier.classify("Please stop texting me").why()).contains("stop texting");
        assertThat(ReplyClassifier.classify("stop by tomorrow?").why()).contains("stop by");
    }

    @Test
    void normalisesWidthAccentsQuotesEmojiAndFormatCharacters() {
        assertThat(ReplyClassifier.words("ＳＴＯＰ")).containsExactly("stop");
        assertThat(ReplyClassifier.words("“No más” 🛑")).containsExactly("no", "mas");
        assertThat(ReplyClassifier.words("S\u200bT\u00adOP…")).containsExactly("stop");
        assertThat(ReplyClassifier.words("s.t.o.p")).containsExactly("stop");
        assertThat(ReplyClassifier.words("I a m")).containsExactly("i", "a", "m");
    }

    @Property
    void aKeywordAloneIsAnOptOutWhateverSurroundsIt(
            @ForAll("keywords") String keyword,
            @ForAll("decorations") String before,
            @ForAll("decorations") String after) {
        assertThat(ReplyClassifier.classify(before + keyword + after).optOut()).isEqualTo(OptOut.YES);
    }

    @Property
    void politeWordsDoNotChangeAKeyword(@ForAll("keywords") String keyword, @ForAll("polite") String polite) {
        assertThat(ReplyClassifier.classify(keyword + " " + polite).optOut()).isEqualTo(OptOut.YES);
        assertThat(ReplyClassifier.classify(polite + " " + keyword).optOut()).isEqualTo(OptOut.YES);
    }

    @Provide
    Arbitrary<String> keywords() {
        return Arbitraries.of(
                        "stop",
                        "STOP",
                        "Stop",
                        "stopall",
                        "quit",
                        "end",
                        "revoke",
                        "opt out",
                        "opt-out",
                        "cancel",
                        "unsubscribe",
                        "ＳＴＯＰ",
                        "alto",
                        "baja")
                .map(String::valueOf);
    }

    @Provide
    Arbitrary<String> decorations() {
        return Arbitraries.of(
                "", " ", "\t", "\n", "!", "...", "…", "“", "”", "\"", "'", "🛑", "🙏", " 👍", "\u200b", "‼️", ".");
    }

    @Provide
    Arbitrary<String> polite() {
        return Arbitraries.of("please", "now", "thanks", "thank you", "pls", "por favor", "gracias", "asap");
    }
}
