package io.recruitflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.message.RecruitReplies;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RecruitReplies} must do. */
public abstract class RecruitRepliesContract {
    static final Instant T0 = Instant.parse("2026-02-12T15:00:00Z");
    static final RecruitId ANN = new RecruitId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final RecruitId BOB = new RecruitId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

    /** A store with no reply. */
    protected abstract RecruitReplies newRecruitReplies();

    static RecruitReply reply(String id, RecruitId recruit, RecruitReply.Kind kind, int minute) {
        return RecruitReply.received(
                id,
                recruit,
                new LocationId("loc_a"),
                new ContactId("c_" + recruit.value().toString().substring(35)),
                kind,
                "the keyword 'stop' in 'stop by', which may mean something else",
                Optional.of("Can you stop by tomorrow?"),
                T0.plusSeconds(60L * minute));
    }

    @Test
    void aReplyIsRecordedOnceAndReadBackAsItWas() {
        RecruitReplies store = newRecruitReplies();
        RecruitReply first = reply("evt_1", ANN, RecruitReply.Kind.REVIEW, 0);
        assertThat(store.record(first)).isEqualTo(first);
        RecruitReply again = reply("evt_1", BOB, RecruitReply.Kind.OPT_OUT, 5);
        assertThat(store.record(again)).as("the first record stands").isEqualTo(first);
        assertThat(store.find("evt_1")).contains(first);
        assertThat(store.find("evt_2")).isEmpty();
    }

    @Test
    void onlyOpenReviewsHoldAndTheyAreListedOldestFirst() {
        RecruitReplies store = newRecruitReplies();
        store.record(reply("evt_late", ANN, RecruitReply.Kind.REVIEW, 3));
        store.record(reply("evt_early", ANN, RecruitReply.Kind.REVIEW, 1));
        store.record(reply("evt_stop", ANN, RecruitReply.Kind.OPT_OUT, 2));
        store.record(reply("evt_bob", BOB, RecruitReply.Kind.REVIEW, 2));
        store.record(reply("evt_help", BOB, RecruitReply.Kind.HELP, 0));

        assertThat(store.holding(ANN)).map(RecruitReply::id).contains("evt_early");
        assertThat(store.openFor(ANN)).extracting(RecruitReply::id).containsExactly("evt_early", "evt_late");
        assertThat(store.open(10)).extracting(RecruitReply::id).containsExactly("evt_early", "evt_bob", "evt_late");
        assertThat(store.open(2)).extracting(RecruitReply::id).containsExactly("evt_early", "evt_bob");
    }

    @Test
    void aReviewIsDecidedOnceAndReleasesItsHold() {
        RecruitReplies store = newRecruitReplies();
        store.record(reply("evt_1", ANN, RecruitReply.Kind.REVIEW, 0));
        RecruitReply.Decision release = new RecruitReply.Decision(false, "admin", T0.plusSeconds(600));
        assertThat(store.decide("evt_1", release)).isTrue();
        assertThat(store.decide("evt_1", new RecruitReply.Decision(true, "someone else", T0.plusSeconds(700))))
                .isFalse();
        assertThat(store.decide("evt_unknown", release)).isFalse();
        assertThat(store.holding(ANN)).isEmpty();
        assertThat(store.find("evt_1").orElseThrow().decision()).contains(release);
    }

    @Test
    void aClearReplyIsNeverDecided() {
        RecruitReplies store = newRecruitReplies();
        store.record(reply("evt_stop", ANN, RecruitReply.Kind.OPT_OUT, 0));
        assertThat(store.decide("evt_stop", new RecruitReply.Decision(true, "admin", T0)))
                .isFalse();
        assertThat(store.find("evt_stop").orElseThrow().body()).isEmpty();
    }

    @Test
    void theAnswerIsRecorded() {
        RecruitReplies store = newRecruitReplies();
        store.record(reply("evt_stop", ANN, RecruitReply.Kind.OPT_OUT, 0));
        store.answered("evt_stop", "skipped: later than five minutes");
        assertThat(store.find("evt_stop").orElseThrow().answer()).contains("skipped: later than five minutes");
    }
}
