package io.recruitflow.bootstrap.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import io.recruitflow.adapter.persistence.PersistenceModule;
import io.recruitflow.application.declareemergency.DeclareEmergencyService;
import io.recruitflow.application.declareemergency.DeclareEmergencyUseCase;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.wiring.ClockModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.bootstrap.wiring.Lifecycle;
import io.recruitflow.domain.message.DeclaredEmergency;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.UsState;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code recruitflow compliance emergency declare|list|end}: declared emergencies (a suspension of every text
 * into a state until an end date), in the configured database, where the running service reads them at its next
 * decision. No GHL call.
 */
@Command(
        name = "emergency",
        mixinStandardHelpOptions = true,
        description = "Declares, lists and ends emergencies: no text goes into the state until the suspension "
                + "ends, like a holiday. Works on the configured database; the running service sees a change at its "
                + "next decision. No GHL call.",
        subcommands = {EmergencyCommand.Declare.class, EmergencyCommand.ListCommand.class, EmergencyCommand.End.class})
final class EmergencyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code work} on the declared-emergency use case over the configured database, then stops it. */
    static <T> T onDatabase(ConfigOptions options, Function<DeclareEmergencyUseCase, T> work) {
        Injector injector = Injectors.create(
                new ClockModule(Clock.system()),
                new PersistenceModule(RecruitflowConfig.database(options.load())),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(DeclareEmergencyUseCase.class).to(DeclareEmergencyService.class);
                    }
                });
        try {
            return work.apply(injector.getInstance(DeclareEmergencyUseCase.class));
        } finally {
            injector.getInstance(Lifecycle.class).stop();
        }
    }

    static String describe(DeclaredEmergency e) {
        return e.state().name() + "  from " + e.from() + "  until " + e.until() + "  " + e.reason();
    }

    static UsState state(CommandLine.Model.CommandSpec spec, String raw) {
        return UsState.parse(raw)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "--state '" + raw + "' is not a US state or territory (e.g. LA)"));
    }

    @Command(
            name = "declare",
            mixinStandardHelpOptions = true,
            description = "Suspends every text into a state until a date (through the end of that day everywhere in "
                    + "the state) or an instant.")
    static final class Declare implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--state", required = true, paramLabel = "ST", description = "The state, e.g. LA.")
        String state;

        @Option(
                names = "--until",
                required = true,
                paramLabel = "DATE|INSTANT",
                description = "The last day of the suspension (2026-12-10: through its end everywhere in the state), "
                        + "or the instant it ends (2026-12-10T18:00:00Z).")
        String until;

        @Option(
                names = "--from",
                paramLabel = "DATE|INSTANT",
                description = "When it begins (a date: its start anywhere in the state). Default: now.")
        String from;

        @Option(names = "--reason", paramLabel = "TEXT", description = "What was declared, for the record.")
        String reason;

        @CommandLine.Mixin
        ConfigOptions options = new ConfigOptions();

        @Override
        public Integer call() {
            UsState st = state(spec, state);
            Instant end = when("--until", until, st, true);
            Optional<Instant> start = Optional.ofNullable(from).map(f -> when("--from", f, st, false));
            DeclaredEmergency declared;
            try {
                declared = onDatabase(options, e -> e.declare(st, start, end, Optional.ofNullable(reason)));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            System.out.println(
                    "declared: no text into " + declared.state().displayName() + " until " + declared.until());
            System.out.println("  " + describe(declared));
            return 0;
        }

        private Instant when(String option, String raw, UsState st, boolean end) {
            return DeclaredEmergency.bound(raw, st, end)
                    .orElseThrow(() -> new CommandLine.ParameterException(
                            spec.commandLine(),
                            option + " '" + raw + "' is not a date (2026-12-10) or an ISO-8601 instant "
                                    + "(2026-12-10T18:00:00Z)"));
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists the emergencies in force or announced.")
    static final class ListCommand implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOptions options = new ConfigOptions();

        @Override
        public Integer call() {
            List<DeclaredEmergency> all = onDatabase(options, DeclareEmergencyUseCase::inForceOrAnnounced);
            PrintStream out = System.out;
            if (all.isEmpty()) {
                out.println("no emergency declared");
            }
            all.forEach(e -> out.println(describe(e)));
            return 0;
        }
    }

    @Command(
            name = "end",
            mixinStandardHelpOptions = true,
            description = "Ends every suspension of a state now (those announced for later are dropped).")
    static final class End implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--state", required = true, paramLabel = "ST", description = "The state, e.g. LA.")
        String state;

        @CommandLine.Mixin
        ConfigOptions options = new ConfigOptions();

        @Override
        public Integer call() {
            UsState st = state(spec, state);
            List<DeclaredEmergency> ended = onDatabase(options, e -> e.end(st));
            if (ended.isEmpty()) {
                System.err.println("recruitflow: no emergency declared for " + st.name());
                return 1;
            }
            System.out.println("ended: texts into " + st.displayName() + " follow the usual rules again");
            ended.forEach(e -> System.out.println("  was " + describe(e)));
            return 0;
        }
    }
}
