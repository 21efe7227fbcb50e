package io.recruitflow.bootstrap.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.squareup.moshi.Moshi;
import io.recruitflow.adapter.persistence.PersistenceModule;
import io.recruitflow.application.viewrecruit.RecruitView;
import io.recruitflow.application.viewrecruit.ViewRecruitService;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.wiring.ClockModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.bootstrap.wiring.Lifecycle;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.PersonalData;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code recruitflow recruit ID}: one recruit from the database — stage, intro, and every follow-up (planned, sent,
 * skipped, cancelled, with why) and alert. No name, phone or email is printed. No GHL call.
 */
@Command(
        name = "recruit",
        mixinStandardHelpOptions = true,
        description = "Prints one recruit from Recruitflow's database: its stage, intro, and every follow-up"
                + " (planned, sent, skipped and cancelled steps, with their reasons) and alert. Makes no GHL call."
                + " Exit 0, 1 when there is no such recruit, 2 for an id that is not one.")
final class RecruitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The recruit's id (a UUID, as the import and the admin API show it).")
    String id;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @CommandLine.Mixin
    ConfigOptions options = new ConfigOptions();

    /** The JSON of {@code recruit --json}. Public: Moshi's record adapter reads only public records. */
    public record RecruitJson(
            String id,
            String locationId,
            String stage,
            String opportunityStatus,
            String intro,
            String acceptedAt,
            String introSentAt,
            List<FollowUpJson> followUps,
            List<AlertJson> alerts) {}

    public record FollowUpJson(
            String key,
            String kind,
            String sequence,
            int index,
            String action,
            String channel,
            String dueAt,
            String status,
            String reason,
            String cancelledAt,
            String updatedAt) {}

    public record AlertJson(String kind, String text, String at) {}

    @Override
    public Integer call() {
        RecruitId recruit;
        try {
            recruit = RecruitId.parse(id);
        } catch (IllegalArgumentException e) {
            System.err.println("recruit: '" + id + "' is not a recruit id (a UUID)");
            return 2;
        }
        Settings settings = options.load();
        Injector injector = Injectors.create(
                new ClockModule(Clock.system()),
                new PersistenceModule(RecruitflowConfig.database(settings)),
                new ViewModule());
        try {
            Optional<RecruitView> view =
                    injector.getInstance(ViewRecruitUseCase.class).view(recruit);
            if (view.isEmpty()) {
                System.err.println("recruit: no recruit " + recruit);
                return 1;
            }
            if (json) {
                System.out.println(new Moshi.Builder()
                        .build()
                        .adapter(RecruitJson.class)
                        .serializeNulls()
                        .toJson(json(view.get())));
            } else {
                print(view.get(), System.out);
            }
            return 0;
        } finally {
            injector.getInstance(Lifecycle.class).stop();
        }
    }

    static RecruitJson json(RecruitView v) {
        return new RecruitJson(
                v.recruit().id().toString(),
                v.recruit().location().value(),
                v.opportunity().map(o -> o.stage().name()).orElse(null),
                v.opportunity().map(o -> o.status().name()).orElse(null),
                v.intro().map(m -> m.channel().name() + " " + m.state().name()).orElse(null),
                v.recruit().acceptedAt().toString(),
                v.recruit().introSentAt().map(Instant::toString).orElse(null),
                v.followUps().stream()
                        .map(s -> new FollowUpJson(
                                s.key(),
                                s.kind(),
                                s.sequence(),
                                s.index(),
                                s.action(),
                                s.message().map(m -> m.channel().name()).orElse(null),
                                s.dueAt().toString(),
                                status(s),
                                s.reason().map(PersonalData::mask).orElse(null),
                                s.cancelledAt().map(Instant::toString).orElse(null),
                                s.updatedAt().toString()))
                        .toList(),
                v.alerts().stream()
                        .map(a -> new AlertJson(a.kind(), PersonalData.mask(a.text()), a.at().toString()))
                        .toList());
    }

    static void print(RecruitView v, PrintStream out) {
        out.println("Recruit " + v.recruit().id() + " (location "
                + v.recruit().location().value() + ")");
        out.println("  stage:  "
                + v.opportunity()
                        .map(o -> o.stage().name() + " / " + o.status().name())
                        .orElse("— (no opportunity yet)"));
        out.println("  intro:  "
                + v.intro()
                        .map(m -> m.channel().name() + " " + m.state().name())
                        .orElse("—")
                + v.recruit().introSentAt().map(t -> " at " + t).orElse(""));
        out.println();
        if (v.followUps().isEmpty()) {
            out.println("Follow-ups: none (cadences off — RECRUITFLOW_NURTURE — not started yet, or none applies)");
        } else {
            out.println("Follow-ups:");
            out.printf(Locale.ROOT, "  %-34s %-10s %-21s %s%n", "step", "status", "due (UTC)", "why");
            for (NurtureStep s : v.followUps()) {
                String what = s.kind() + " " + s.sequence() + " #" + s.index()
                        + (s.action().equals(NurtureStep.SEND)
                                ? s.message().map(m -> " " + m.channel().name()).orElse("")
                                : " " + s.action());
                out.printf(
                        Locale.ROOT,
                        "  %-34s %-10s %-21s %s%n",
                        what,
                        status(s),
                        s.dueAt().toString(),
                        s.reason().map(PersonalData::mask).orElse(""));
            }
        }
        if (!v.alerts().isEmpty()) {
            out.println();
            out.println("Alerts:");
            v.alerts().forEach(a -> out.println("  " + a.at() + "  " + a.kind() + ": " + PersonalData.mask(a.text())));
        }
    }

    private static String status(NurtureStep s) {
        return s.status().name().toLowerCase(Locale.ROOT);
    }

    /** The recruit view alone, on the stores of whichever module binds them. */
    private static final class ViewModule extends AbstractModule {
        @Override
        protected void configure() {
            bind(ViewRecruitUseCase.class).to(ViewRecruitService.class);
            bind(ViewRecruitService.class);
        }
    }
}
