package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.advancerecruit.AdvanceRecruitCommand;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.importleads.LeadFileEncoding;
import io.recruitflow.application.importleads.LeadFileLayout;
import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.application.importleads.LeadRow;
import io.recruitflow.application.recruitingfunnel.Funnel;
import io.recruitflow.application.recruitingfunnel.FunnelQuery;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StageChange;
import io.recruitflow.domain.recruit.RecruitId;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunnelAndImportTest {

    @Test
    void anImportReportsEveryRowAndGoesOnPastBadOnes() {
        World w = new World("2026-02-12T10:00");
        LeadFileReader reader = (file, mapping, rows) -> {
            List.<LeadRow>of(
                            new LeadRow.Parsed(2, World.lead("John", "Smith", "4075551234", null, "FL")),
                            new LeadRow.Unreadable(3, "3 columns where the header has 7"),
                            new LeadRow.Parsed(4, World.lead("Ann", "Lee", null, null, "TX")),
                            new LeadRow.Parsed(5, World.lead("Johnny", "Smith", "407-555-1234", null, "FL")),
                            new LeadRow.Parsed(6, World.lead("Bo", "Chen", "12345", null, "ZZ")),
                            new LeadRow.Parsed(7, World.lead("Eve", "Park", "2135550100", null, "CA")))
                    .forEach(rows);
            return new LeadFileLayout(LeadFileEncoding.ASCII, List.of());
        };
        ImportReport report = w.importer(reader)
                .importLeads(new ImportLeadsCommand(InMemoryGhl.LOCATION, new ByteArrayInputStream(new byte[0])));
        assertThat(report.rows()).isEqualTo(6);
        assertThat(report.accepted()).extracting(ImportReport.Row::row).containsExactly(2, 7);
        assertThat(report.known()).extracting(ImportReport.Row::row).containsExactly(5);
        assertThat(report.rejected())
                .containsExactly(
                        new ImportReport.Rejection(3, "3 columns where the header has 7"),
                        new ImportReport.Rejection(4, "a lead needs a phone or an email"),
                        new ImportReport.Rejection(
                                6,
                                "phone '12345' is not a valid phone number; "
                                        + "license state 'ZZ' is not a US state or territory"));
        w.runJobs();
        assertThat(w.ghl.contacts()).hasSize(2);
    }

    @Test
    void theFunnelCountsStagesConversionsAndSpeedToLead() {
        World w = new World("2026-02-12T10:00");
        List<RecruitId> ids = List.of(
                w.accept(World.lead("A", "One", "4075550001", null, "NY")),
                w.accept(World.lead("B", "Two", "4075550002", null, "NY")),
                w.accept(World.lead("C", "Three", "4075550003", null, "NY")),
                w.accept(World.lead("D", "Four", "4075550004", null, "NY")));
        w.clock.advance(Duration.ofMillis(400));
        w.runJobs();
        for (RecruitId id : ids.subList(0, 3)) {
            w.deliver(new GhlEvent.MessageReceived(
                    World.eventId(),
                    InMemoryGhl.LOCATION,
                    w.clock.now(),
                    w.recruit(id).contactId().orElseThrow(),
                    Optional.empty(),
                    Channel.SMS,
                    "yes"));
        }
        w.advance.advance(new AdvanceRecruitCommand(
                ids.get(0), RecruitingStage.PRESENTATION_SCHEDULED, StageChange.Cause.BOOKING));
        w.advance.advance(
                new AdvanceRecruitCommand(ids.get(0), RecruitingStage.CONTRACTED, StageChange.Cause.CONTRACT));

        Funnel f = w.funnel.funnel(FunnelQuery.all());
        // D was texted (GHL accepted its intro) and replied nothing: Contacted, where the intake placed it.
        assertThat(f.stages()).extracting(Funnel.StageCount::count).containsExactly(0L, 1L, 2L, 0L, 1L);
        assertThat(f.stages())
                .extracting(Funnel.StageCount::name)
                .containsExactly("Lead", "Contacted", "Interested", "Presentation Scheduled", "Contracted");
        assertThat(f.conversions().get(0).rate()).contains(1.0);
        assertThat(f.conversions().get(2).rate()).contains(1 / 3.0);
        assertThat(f.won()).isEqualTo(1);
        assertThat(f.speedToLeadSamples()).isEqualTo(4);
        assertThat(f.speedToLeadMedian()).contains(Duration.ofMillis(400));
    }

    @Test
    void aRecruitWhoWentBackStillCountsAsHavingReachedTheStage() {
        World w = new World("2026-02-12T10:00");
        List<RecruitId> ids = List.of(
                w.accept(World.lead("A", "One", "4075550001", null, "NY")),
                w.accept(World.lead("B", "Two", "4075550002", null, "NY")));
        w.runJobs();
        for (RecruitId id : ids) {
            w.advance.advance(new AdvanceRecruitCommand(id, RecruitingStage.INTERESTED, StageChange.Cause.REPLY));
            w.advance.advance(
                    new AdvanceRecruitCommand(id, RecruitingStage.PRESENTATION_SCHEDULED, StageChange.Cause.BOOKING));
        }
        w.advance.advance(
                new AdvanceRecruitCommand(ids.get(0), RecruitingStage.CONTRACTED, StageChange.Cause.CONTRACT));
        w.advance.advance(new AdvanceRecruitCommand(ids.get(1), RecruitingStage.INTERESTED, StageChange.Cause.NO_SHOW));

        Funnel f = w.funnel.funnel(FunnelQuery.all());

        // Where they are now: one back at Interested, one contracted.
        assertThat(f.stages()).extracting(Funnel.StageCount::count).containsExactly(0L, 0L, 1L, 0L, 1L);
        // Where they have been: both reached Presentation Scheduled.
        Funnel.Conversion booked = f.conversions().get(2);
        assertThat(booked.to()).isEqualTo(RecruitingStage.PRESENTATION_SCHEDULED);
        assertThat(booked.reachedFrom()).isEqualTo(2);
        assertThat(booked.reachedTo()).isEqualTo(2);
        assertThat(f.conversions().get(3).reachedTo()).isEqualTo(1);
    }
}
