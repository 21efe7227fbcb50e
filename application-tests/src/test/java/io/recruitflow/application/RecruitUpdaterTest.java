package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.recruitflow.application.setup.RecruitUpdater;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.ContactId;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A change applied to a copy just read saves reading the recruit again, and is never applied to a stale copy: the
 * stored recruit's version decides, as for a change applied to a fresh read.
 */
class RecruitUpdaterTest {
    private final World w = new World("2026-02-12T14:00");
    private final Recruits recruits = spy(w.adapters.recruits());
    private final RecruitId id = w.accept(World.lead("Ana", "Known", "4075550101", null, "NY", "Life"));

    @Test
    void aCurrentCopyIsUpdatedWithoutAnotherRead() {
        Recruit known = recruits.find(id).orElseThrow();

        Recruit updated = RecruitUpdater.update(recruits, known, r -> r.linkedTo(new ContactId("c-1")))
                .orElseThrow();

        assertThat(updated.contactId()).contains(new ContactId("c-1"));
        assertThat(updated.version()).isEqualTo(known.version() + 1);
        verify(recruits, times(1)).find(id); // the caller's own read only
    }

    @Test
    void aStaleCopyIsReadAgainAndTheChangeAppliedOnTopOfTheOtherUpdate() {
        Recruit known = recruits.find(id).orElseThrow();
        ZoneId chicago = ZoneId.of("America/Chicago");
        recruits.update(known.withTimeZone(chicago)); // another update comes first

        Recruit updated = RecruitUpdater.update(recruits, known, r -> r.linkedTo(new ContactId("c-1")))
                .orElseThrow();

        assertThat(updated.contactId()).contains(new ContactId("c-1"));
        assertThat(updated.timeZone()).as("the other update kept").contains(chicago);
        assertThat(recruits.find(id)).contains(updated);
    }

    @Test
    void aChangeThatLeavesAStaleCopyAsItWasIsStillAppliedToTheStoredRecruit() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Recruit known = recruits.update(recruits.find(id).orElseThrow().withTimeZone(newYork));
        recruits.update(known.withTimeZone(ZoneId.of("America/Chicago"))); // another update comes first

        RecruitUpdater.update(recruits, known, r -> r.withTimeZone(newYork)); // nothing to change on the copy

        assertThat(recruits.find(id).orElseThrow().timeZone()).contains(newYork);
    }

    @Test
    void aChangeThatLeavesACurrentCopyAsItWasWritesNothing() {
        Recruit known = recruits.find(id).orElseThrow();

        assertThat(RecruitUpdater.update(recruits, known, r -> r)).contains(known);
        verify(recruits, never()).update(known);
    }
}
