package io.recruitflow.adapter.leadfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.LeadRow;
import io.recruitflow.domain.recruit.Lead;
import io.recruitflow.domain.recruit.LeadDecision;
import io.recruitflow.domain.recruit.LeadInput;
import io.recruitflow.domain.recruit.LeadRules;
import io.recruitflow.domain.shared.UsState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's lead file, {@code examples/leads.csv}, is what the demo promises: 31 agents, 2 repeats, 3 bad rows. */
class ExampleLeadsFileTest {
    // Surefire runs in the module directory; the file is at the repository root.
    private static final Path FILE = Path.of("..", "examples", "leads.csv");
    private static List<LeadRow> rows;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = Files.newInputStream(FILE);
                LeadFile file = new LeadFileParser().open(in)) {
            assertThat(file.ignoredColumns()).isEmpty();
            rows = file.rows().toList();
        }
    }

    private static List<LeadInput> inputs() {
        return rows.stream().map(r -> ((LeadRow.Parsed) r).lead()).toList();
    }

    @Test
    void every_row_is_readable() {
        assertThat(rows).hasSize(36).allMatch(r -> r instanceof LeadRow.Parsed);
        assertThat(rows.get(0).row()).isEqualTo(2);
        assertThat(rows.get(35).row()).isEqualTo(37);
    }

    @Test
    void every_phone_but_the_deliberately_bad_one_is_a_valid_number() {
        LibPhoneNumbers numbers = new LibPhoneNumbers();

        List<String> phones = inputs().stream()
                .map(LeadInput::phone)
                .filter(p -> !p.isBlank())
                .toList();

        assertThat(phones).hasSize(34);
        assertThat(phones).filteredOn(p -> numbers.parse(p).isEmpty()).containsExactly("12345");
    }

    @Test
    void the_lead_rules_accept_33_and_reject_the_3_bad_rows_at_the_end() {
        LeadRules rules = new LeadRules(new LibPhoneNumbers());

        List<LeadDecision> decisions = inputs().stream().map(rules::decide).toList();

        assertThat(decisions.subList(0, 33)).allMatch(d -> d instanceof LeadDecision.Accepted);
        assertThat(decisions.subList(33, 36))
                .map(d -> ((LeadDecision.Rejected) d).reason())
                .satisfiesExactly(
                        r -> assertThat(r).contains("a lead needs a phone or an email"),
                        r -> assertThat(r).contains("phone '12345' is not a valid phone number"),
                        r -> assertThat(r).contains("license state 'ZZ' is not a US state"));
    }

    @Test
    void two_accepted_leads_repeat_an_earlier_one_by_phone_or_email() {
        LeadRules rules = new LeadRules(new LibPhoneNumbers());
        List<Lead> accepted = inputs().stream()
                .map(rules::decide)
                .filter(d -> d instanceof LeadDecision.Accepted)
                .map(d -> ((LeadDecision.Accepted) d).lead())
                .toList();

        Set<Object> seen = new HashSet<>();
        List<Lead> repeats = accepted.stream()
                .filter(lead -> {
                    boolean known = lead.phone().map(seen::contains).orElse(false)
                            || lead.email().map(seen::contains).orElse(false);
                    lead.phone().ifPresent(seen::add);
                    lead.email().ifPresent(seen::add);
                    return known;
                })
                .toList();

        assertThat(repeats).extracting(l -> l.name().full()).containsExactly("Maria Gonzalez", "Dave Goldberg");
        assertThat(accepted.size() - repeats.size()).isEqualTo(31);
    }

    @Test
    void the_agents_are_spread_over_the_states_the_demo_shows() {
        LeadRules rules = new LeadRules(new LibPhoneNumbers());
        Map<UsState, Long> byState = inputs().stream()
                .map(rules::decide)
                .filter(d -> d instanceof LeadDecision.Accepted)
                .map(d -> ((LeadDecision.Accepted) d).lead())
                .collect(Collectors.groupingBy(l -> l.license().state(), Collectors.counting()));

        assertThat(byState.get(UsState.FL)).isGreaterThanOrEqualTo(5);
        assertThat(byState)
                .containsKeys(
                        UsState.OK,
                        UsState.MD,
                        UsState.TX,
                        UsState.CA,
                        UsState.NY,
                        UsState.AZ,
                        UsState.GA,
                        UsState.IL,
                        UsState.OH);
    }

    @Test
    void emails_are_only_at_reserved_example_domains() {
        assertThat(inputs().stream()
                        .map(LeadInput::email)
                        .filter(e -> !e.isBlank())
                        .map(e -> e.toLowerCase().substring(e.indexOf('@') + 1))
                        .collect(Collectors.toSet()))
                .containsOnly("example.com", "example.org");
    }
}
