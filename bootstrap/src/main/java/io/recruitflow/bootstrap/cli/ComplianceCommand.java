package io.recruitflow.bootstrap.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ComplianceSettings;
import io.recruitflow.domain.message.ComplianceVerdict;
import io.recruitflow.domain.message.ComplianceVerdict.Outcome;
import io.recruitflow.domain.message.ComplianceVerdict.Reason;
import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.message.ReplyClassifier;
import io.recruitflow.domain.message.ReplyMeaning;
import io.recruitflow.domain.message.SolicitationEngine;
import io.recruitflow.domain.message.SolicitationRules;
import io.recruitflow.domain.message.Whereabouts;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code recruitflow compliance}: the compliance rules, asked directly. {@code check} and {@code reply} are pure
 * and offline: no GHL, no database; for people who want to know why a text waits, and for tests. {@code
 * emergency} ({@link EmergencyCommand}) declares suspensions in the configured database. Public, with its JSON records,
 * because Moshi's record adapter reads only public records.
 */
@Command(
        name = "compliance",
        mixinStandardHelpOptions = true,
        description = "Explains the compliance rules offline: when a text may go to a number, and whether a reply "
                + "revokes consent (check, reply: no GHL call, no database); declares emergencies (emergency: in "
                + "the configured database).",
        subcommands = {ComplianceCommand.Check.class, ComplianceCommand.Reply.class, EmergencyCommand.class})
public final class ComplianceCommand implements Runnable {
    private static final Moshi MOSHI = new Moshi.Builder().build();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The JSON of {@code compliance check --json}. */
    public record CheckJson(
            String decision, String at, List<String> reasons, List<String> jurisdictions, List<String> zones) {}

    /** The JSON of {@code compliance reply --json}. */
    public record ReplyJson(String optOut, String why) {}

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Decides whether a text to a number may go now (send), from a later instant (defer) or not "
                    + "at all (refuse), by the federal and state rules of every jurisdiction and time zone the "
                    + "recipient may be in, and says which rules decided.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--phone", required = true, paramLabel = "E164", description = "The number, e.g. +13055550100.")
        String phone;

        @Option(names = "--license-state", paramLabel = "ST", description = "The recruit's license state.")
        String licenseState;

        @Option(names = "--contact-state", paramLabel = "ST", description = "The state of the contact's address.")
        String contactState;

        @Option(
                names = "--time-zone",
                paramLabel = "ZONE",
                description = "The contact's own time zone, e.g. America/Chicago.")
        String timeZone;

        @Option(
                names = "--at",
                paramLabel = "INSTANT",
                description = "When the text would be sent, ISO-8601 (2026-02-12T20:30:00Z). Default: now.")
        String at;

        @Option(
                names = "--sent",
                paramLabel = "INSTANT",
                description = "A text already sent to this number (repeat the option for each).")
        List<String> sent = new ArrayList<>();

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        /**
         * The compliance officer's settings (margin, switched-off rules) from {@code --config}, {@code
         * ./recruitflow.yml} or the environment: the answer is the configured service's. Nothing else is read.
         */
        @CommandLine.Mixin
        ConfigOptions options = new ConfigOptions();

        @Override
        public Integer call() {
            ComplianceSettings settings = RecruitflowConfig.compliance(options.load());
            PhoneNumber number;
            try {
                number = new PhoneNumber(phone.strip());
            } catch (IllegalArgumentException e) {
                throw bad("--phone must be an E.164 number: a '+', the country code and the number, e.g. +13055550100");
            }
            Optional<UsState> license = state("--license-state", licenseState);
            Optional<UsState> contact = state("--contact-state", contactState);
            Optional<ZoneId> zone = Optional.empty();
            if (timeZone != null) {
                try {
                    zone = Optional.of(ZoneId.of(timeZone.strip()));
                } catch (DateTimeException e) {
                    throw bad("--time-zone '" + timeZone
                            + "' is not a time zone; use an IANA id such as America/Chicago");
                }
            }
            Instant now = at == null ? Instant.now() : instant("--at", at);
            List<Instant> texts = sent.stream().map(s -> instant("--sent", s)).toList();

            Whereabouts where = Whereabouts.of(Optional.of(number), license, contact, zone);
            ComplianceVerdict verdict = new SolicitationEngine(
                            SolicitationRules.ALL, DeclaredEmergencies.none(), settings)
                    .decide(where, Channel.SMS, now, texts);
            PrintStream out = System.out;
            if (json) {
                JsonAdapter<CheckJson> adapter = MOSHI.adapter(CheckJson.class).serializeNulls();
                out.println(adapter.toJson(new CheckJson(
                        verdict.outcome().name().toLowerCase(Locale.ROOT),
                        verdict.notBefore().map(Instant::toString).orElse(null),
                        reasons(verdict),
                        jurisdictions(where),
                        where.zoneIds().stream().map(ZoneId::getId).toList())));
            } else {
                printWords(out, verdict, number);
            }
            return 0;
        }

        private static List<String> reasons(ComplianceVerdict verdict) {
            if (verdict.outcome() == Outcome.SEND) {
                return List.of("no rule in force forbids this instant: " + String.join(", ", verdict.rulesInForce()));
            }
            return verdict.reasons().stream().map(Reason::toString).toList();
        }

        private static List<String> jurisdictions(Whereabouts where) {
            return where.states().stream().map(UsState::code).sorted().toList();
        }

        private static void printWords(PrintStream out, ComplianceVerdict verdict, PhoneNumber number) {
            Whereabouts where = verdict.where();
            switch (verdict.outcome()) {
                case SEND ->
                    out.println("send: a text to " + number.masked() + " may go now (" + verdict.decidedAt() + ")");
                case DEFER -> {
                    Instant t = verdict.notBefore().orElseThrow();
                    out.println("defer: a text to " + number.masked() + " may go from " + t);
                    for (ZoneId zone : where.zoneIds()) {
                        out.println("  that is " + LOCAL.format(t.atZone(zone)) + " in " + zone.getId());
                    }
                }
                case REFUSE -> out.println("refuse: a text to " + number.masked() + " may not go at all");
            }
            if (verdict.outcome() == Outcome.SEND) {
                out.println("no rule in force forbids it: " + String.join(", ", verdict.rulesInForce()));
            } else {
                out.println("because:");
                for (Reason reason : verdict.reasons()) {
                    out.println("  - " + reason);
                    out.println("    source: " + reason.source());
                }
            }
            out.println("jurisdictions: " + describe(where.jurisdictions(), UsState::code));
            out.println("time zones: " + describe(where.zones(), ZoneId::getId));
            if (!verdict.textsCounted().isEmpty()) {
                out.println("texts counted toward a cap: "
                        + verdict.textsCounted().stream().map(Instant::toString).collect(Collectors.joining(", ")));
            }
            if (!verdict.rulesSwitchedOff().isEmpty()) {
                out.println("switched off: " + String.join(", ", verdict.rulesSwitchedOff()));
            }
        }

        private static <K> String describe(Map<K, String> why, java.util.function.Function<K, String> name) {
            return why.entrySet().stream()
                    .sorted(Comparator.comparing(e -> name.apply(e.getKey())))
                    .map(e -> name.apply(e.getKey()) + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", "));
        }

        private Optional<UsState> state(String option, String value) {
            if (value == null) {
                return Optional.empty();
            }
            return Optional.of(UsState.parse(value)
                    .orElseThrow(() -> bad(option + " '" + value + "' is not a US state or territory (e.g. FL)")));
        }

        private Instant instant(String option, String value) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw bad(option + " '" + value + "' is not an ISO-8601 instant such as 2026-02-12T20:30:00Z");
            }
        }

        private CommandLine.ParameterException bad(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    @Command(
            name = "reply",
            mixinStandardHelpOptions = true,
            description = "Says whether a reply revokes consent to texts (yes), does not (no), or might (review: a "
                    + "person decides), and whether it asks for START or HELP.")
    static final class Reply implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "REPLY", description = "The reply's text, in quotes.")
        String reply;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() {
            ReplyMeaning meaning = ReplyClassifier.classify(reply);
            String optOut = meaning.optOut().name().toLowerCase(Locale.ROOT);
            PrintStream out = System.out;
            if (json) {
                out.println(MOSHI.adapter(ReplyJson.class).toJson(new ReplyJson(optOut, meaning.why())));
                return 0;
            }
            out.println("opt-out: " + optOut + " (" + meaning.why() + ")");
            switch (meaning.optOut()) {
                case YES -> out.println("every text to this recruit stops; one confirmation may be sent");
                case REVIEW -> out.println("texts to this recruit wait until a person decides");
                case NO -> {}
            }
            switch (meaning.intent()) {
                case OPT_IN -> out.println("the reply grants consent to texts again");
                case HELP -> out.println("the reply asks for help: the help text answers it");
                default -> {}
            }
            return 0;
        }
    }
}
