package io.recruitflow.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.message.ComplianceVerdict.Outcome;
import io.recruitflow.domain.message.ComplianceVerdict.Reason;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The table-driven cases of src/test/resources/compliance-cases.csv, each built from a rule and its source. */
class ComplianceCasesTest {
    final SolicitationEngine engine = SolicitationEngine.standard();

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/compliance-cases.csv", delimiter = '|', numLinesToSkip = 1, encoding = "UTF-8")
    void theCase(
            String name,
            String phone,
            String license,
            String contactState,
            String contactZone,
            String at,
            String sent,
            String expected,
            String until,
            String rule) {
        Instant now = instant(at);
        Whereabouts where = Whereabouts.of(
                Optional.of(new PhoneNumber(phone)),
                state(license),
                state(contactState),
                Optional.ofNullable(contactZone).map(ZoneId::of));
        ComplianceVerdict verdict = engine.decide(where, Channel.SMS, now, texts(now, sent));

        assertThat(verdict.outcome())
                .as("%s: %s", name, verdict.reasons())
                .isEqualTo(Outcome.valueOf(expected.toUpperCase(Locale.ROOT)));
        if (until != null) {
            assertThat(verdict.notBefore()).as(name).contains(instant(until));
        }
        if (rule != null) {
            assertThat(verdict.reasons()).extracting(Reason::rule).as(name).contains(rule);
            assertThat(verdict.reasons()).allSatisfy(r -> assertThat(r.source()).isNotBlank());
        }
        if (verdict.outcome() == Outcome.SEND) {
            assertThat(verdict.reasons()).as(name).isEmpty();
        }
        assertThat(verdict.rulesInForce()).contains("US.hours");
    }

    /** "2026-02-12T13:00 America/New_York" or "2026-03-08T06:30:00Z". */
    static Instant instant(String text) {
        if (text.endsWith("Z")) {
            return Instant.parse(text);
        }
        String[] parts = text.split(" ");
        return LocalDateTime.parse(parts[0]).atZone(ZoneId.of(parts[1])).toInstant();
    }

    static Optional<UsState> state(String code) {
        return Optional.ofNullable(code).map(c -> UsState.parse(c).orElseThrow());
    }

    /** "-20h;-5h;-1m": texts sent that long before {@code now}. */
    static List<Instant> texts(Instant now, String offsets) {
        List<Instant> texts = new ArrayList<>();
        if (offsets == null) {
            return texts;
        }
        for (String offset : offsets.split(";")) {
            String amount = offset.trim().substring(1);
            texts.add(now.minus(Duration.parse("PT" + amount.toUpperCase(Locale.ROOT))));
        }
        return texts;
    }
}
