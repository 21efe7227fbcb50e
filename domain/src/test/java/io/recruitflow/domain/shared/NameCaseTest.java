package io.recruitflow.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameCaseTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "JOHN|John",
                "MCDONALD|McDonald",
                "MCKENZIE-SMITH|McKenzie-Smith",
                "O'NEIL|O'Neil",
                "O’NEIL|O’Neil",
                "D'ANGELO|D'Angelo",
                "VAN DER BERG|van der Berg",
                "VON TRAPP|von Trapp",
                "DE LA CRUZ|De La Cruz",
                "MARY-JANE|Mary-Jane",
                "MÜLLER|Müller",
                "JOSÉ|José",
                "ÇELIK|Çelik",
                "A.J.|A.J.",
                "SMITH III|Smith III",
                "SMITH JR.|Smith Jr.",
                "MACDONALD|Macdonald",
                "MACK|Mack",
                "VAN|Van",
            })
    void capitalsOnlyNamesGetProperCase(String capitals, String proper) {
        assertThat(NameCase.normalize(capitals)).isEqualTo(proper);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "McDonald",
                "O'Neil",
                "van der Berg",
                "Mary-Jane",
                "De La Cruz",
                "DeShawn",
                "MacKenzie",
                "bell hooks"
            })
    void aNameWithAnySmallLetterIsLeftAsWritten(String name) {
        assertThat(NameCase.normalize(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mary\nJane", "Mary\r\nJane", "  Mary \t  Jane ", "Mary\u00a0Jane", "MARY\n JANE"})
    void whiteSpaceAndLineBreaksCollapseToOneSpace(String name) {
        assertThat(NameCase.normalize(name)).isEqualTo("Mary Jane");
    }

    @org.junit.jupiter.api.Test
    void aDottedCapitalIIsNeverTurnedIntoAnotherLetter() {
        assertThat(NameCase.normalize("İLKER")).isEqualTo("İlker");
        assertThat(NameCase.normalize(null)).isNull();
    }

    @Property
    void normalisingTwiceIsNormalisingOnce(@ForAll("names") String name) {
        String once = NameCase.normalize(name);
        assertThat(NameCase.normalize(once)).isEqualTo(once);
    }

    @Property
    void onlyTheCaseOfLettersChanges(@ForAll("names") String name) {
        String collapsed = NameCase.collapseWhitespace(name);
        String normalized = NameCase.normalize(name);
        int[] before = collapsed.codePoints().toArray();
        int[] after = normalized.codePoints().toArray();
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.length; i++) {
            assertThat(Character.toLowerCase(after[i]))
                    .as("code point %d of %s", i, collapsed)
                    .isEqualTo(Character.toLowerCase(before[i]));
        }
    }

    @Property
    void aNameWithASmallLetterIsNeverChanged(@ForAll("names") String name) {
        String collapsed = NameCase.collapseWhitespace(name);
        if (collapsed.codePoints().anyMatch(Character::isLowerCase)) {
            assertThat(NameCase.normalize(name)).isEqualTo(collapsed);
        }
    }

    @Property
    void noLineBreakOrDoubleSpaceSurvives(@ForAll("names") String name) {
        String normalized = NameCase.normalize(name);
        assertThat(normalized).doesNotContain("\n", "\r", "\t", "\u00a0", "  ").isEqualTo(normalized.strip());
    }

    @Property
    void anyStringAtAllKeepsItsLettersAndIsIdempotent(@ForAll @StringLength(max = 30) String any) {
        String once = NameCase.normalize(any);
        assertThat(NameCase.normalize(once)).isEqualTo(once);
        assertThat(once.codePointCount(0, once.length()))
                .isEqualTo(NameCase.collapseWhitespace(any)
                        .codePointCount(0, NameCase.collapseWhitespace(any).length()));
    }

    /** Names as lead files have them: Latin letters with and without accents, capitals or not, and separators. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<Character> letters = Arbitraries.of(
                'a', 'b', 'c', 'd', 'e', 'm', 'n', 'o', 'r', 'v', 'A', 'B', 'C', 'D', 'E', 'M', 'N', 'O', 'R', 'V', 'é',
                'É', 'ü', 'Ü', 'ñ', 'Ñ', 'ß', 'İ', 'ı', 'ǅ', 'Ǆ', ' ', ' ', '-', '\'', '.', '\n', '\r', '\t', '\u00a0');
        Arbitrary<String> particles = Arbitraries.of("VAN ", "DER ", "MC", "O'", "III", "van ", "De ");
        return Arbitraries.oneOf(
                letters.list().ofMaxSize(25).map(NameCaseTest::join),
                Arbitraries.strings().withChars("ABCDEMNORV -'").ofMaxLength(20),
                Arbitraries.just("").flatMap(x -> particles.list().ofMaxSize(4).map(l -> String.join("", l))));
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder b = new StringBuilder();
        chars.forEach(b::append);
        return b.toString();
    }
}
