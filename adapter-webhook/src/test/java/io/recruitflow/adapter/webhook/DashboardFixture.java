package io.recruitflow.adapter.webhook;

import static org.mockito.Mockito.mock;

import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.port.IncomingEvent;
import io.recruitflow.application.recruitingfunnel.Funnel;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.pipeline.RecruitingStage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A funnel, a dead-lettered event and rate budgets with known figures, shared by the dashboard tests. */
final class DashboardFixture {
    private DashboardFixture() {}

    static final String TOKEN = "dashboard-token-0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-03-05T14:30:00Z");

    /** GHL stage names are the location's own; one carries markup to prove it is rendered inert. */
    static final String[] STAGE_NAMES = {
        "New Lead", "Texted", "Interested", "Presentation Booked", "Contracted <script>document.title='pwned'</script>"
    };

    static final long[] STAGE_COUNTS = {1234, 87, 41, 17, 6};
    static final String DEAD_ERROR = "malformed OpportunityStageUpdate: stage <img src=x onerror=alert(1)> is unknown";

    /** 1,385 recruits; conversions are "reached this stage or beyond" ratios. */
    static Funnel funnel() {
        RecruitingStage[] order = RecruitingStage.values();
        List<Funnel.StageCount> stages = new java.util.ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            stages.add(new Funnel.StageCount(order[i], STAGE_NAMES[i], STAGE_COUNTS[i]));
        }
        List<Funnel.Conversion> conversions = List.of(
                new Funnel.Conversion(
                        RecruitingStage.LEAD, RecruitingStage.CONTACTED, 1385, 151, Optional.of(151 / 1385.0)),
                new Funnel.Conversion(
                        RecruitingStage.CONTACTED, RecruitingStage.INTERESTED, 151, 64, Optional.of(64 / 151.0)),
                new Funnel.Conversion(
                        RecruitingStage.INTERESTED,
                        RecruitingStage.PRESENTATION_SCHEDULED,
                        64,
                        23,
                        Optional.of(23 / 64.0)),
                new Funnel.Conversion(
                        RecruitingStage.PRESENTATION_SCHEDULED,
                        RecruitingStage.CONTRACTED,
                        23,
                        6,
                        Optional.of(6 / 23.0)));
        return new Funnel(
                stages,
                conversions,
                1385,
                6,
                3,
                Optional.of(Duration.ofMillis(4_200)),
                Optional.of(Duration.ofSeconds(11 * 3600 + 25 * 60)),
                1290,
                Map.of(SendState.SENT, 1290L, SendState.PLANNED, 88L, SendState.REFUSED, 7L));
    }

    static Funnel emptyFunnel() {
        List<Funnel.StageCount> stages = java.util.Arrays.stream(RecruitingStage.values())
                .map(s -> new Funnel.StageCount(s, s.defaultName(), 0))
                .toList();
        RecruitingStage[] o = RecruitingStage.values();
        List<Funnel.Conversion> conversions = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < o.length; i++) {
            conversions.add(new Funnel.Conversion(o[i], o[i + 1], 0, 0, Optional.empty()));
        }
        return new Funnel(stages, conversions, 0, 0, 0, Optional.empty(), Optional.empty(), 0, Map.of());
    }

    /** loc_main has used 13 of its 100 calls per 10 s; loc_busy is nearly out; loc_new has had no answer yet. */
    static Map<String, Optional<CallBudget>> budgets() {
        return Map.of(
                "loc_main", Optional.of(new CallBudget(100, 87, Duration.ofSeconds(10), 200_000, 198_765)),
                "loc_busy", Optional.of(new CallBudget(100, 4, Duration.ofSeconds(10), 200_000, 12_000)),
                "loc_new", Optional.empty());
    }

    /** An inbox with one processed and one dead-lettered event. */
    static FakeEventInbox inboxWithDeadLetter() {
        FakeEventInbox inbox = new FakeEventInbox();
        inbox.store(new IncomingEvent(
                "wh_ok_1",
                "ContactCreate",
                Optional.of("loc_main"),
                Optional.of("c_1"),
                NOW.minusSeconds(600),
                new byte[0],
                NOW.minusSeconds(600)));
        inbox.markProcessed("wh_ok_1");
        inbox.store(new IncomingEvent(
                "wh_dead_1",
                "OpportunityStageUpdate",
                Optional.of("loc_main"),
                Optional.of("c_2"),
                NOW.minusSeconds(300),
                new byte[0],
                NOW.minusSeconds(300)));
        inbox.markDead("wh_dead_1", DEAD_ERROR);
        return inbox;
    }

    static AdminServices services(RecruitingFunnelUseCase funnel, FakeEventInbox inbox) {
        return new AdminServices(
                mock(IntakeRecruitUseCase.class),
                mock(ImportLeadsUseCase.class),
                mock(ViewRecruitUseCase.class),
                mock(SchedulePresentationUseCase.class),
                funnel,
                inbox,
                Optional.empty());
    }
}
