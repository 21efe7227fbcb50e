package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.IncomingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the database cannot be reached, storeAll says so (the receiver answers 429) and stores nothing. */
class InboxUnavailableTest {

    @Test
    void a_closed_pool_makes_the_inbox_unavailable_and_nothing_is_stored() {
        TestDatabase.truncateAll();
        Database doomed = Database.start(TestDatabase.external());
        PostgresEventInbox inbox = new PostgresEventInbox(doomed.jdbi());
        doomed.close();
        IncomingEvent event = new IncomingEvent(
                "wh_lost?",
                "ContactUpdate",
                Optional.of("loc_1"),
                Optional.of("ct_1"),
                Instant.now(),
                "{}".getBytes(StandardCharsets.UTF_8),
                Instant.now());

        assertThatThrownBy(() -> inbox.storeAll(List.of(event)))
                .isInstanceOf(EventInbox.InboxUnavailableException.class)
                .hasMessageContaining("nothing was stored");

        assertThat(new PostgresEventInbox(TestDatabase.jdbi()).find("wh_lost?")).isEmpty();
    }

    @Test
    void a_batch_that_fails_half_way_stores_none_of_it() {
        TestDatabase.truncateAll();
        PostgresEventInbox inbox = new PostgresEventInbox(TestDatabase.jdbi());
        IncomingEvent good = new IncomingEvent(
                "wh_good",
                "ContactUpdate",
                Optional.empty(),
                Optional.empty(),
                Instant.now(),
                new byte[] {1},
                Instant.now());
        // A NUL character is valid Java but PostgreSQL text refuses it: the whole commit must fail. That is the
        // data's fault, not the database's: a refusal, which the receiver's committer retries event by event.
        IncomingEvent bad = new IncomingEvent(
                "wh_bad",
                "Contact\u0000Update",
                Optional.empty(),
                Optional.empty(),
                Instant.now(),
                new byte[] {2},
                Instant.now());

        assertThatThrownBy(() -> inbox.storeAll(List.of(good, bad)))
                .isInstanceOf(EventInbox.EventRefusedException.class);

        assertThat(inbox.find("wh_good")).isEmpty();
        assertThat(inbox.stats().stored()).isZero();
    }
}
