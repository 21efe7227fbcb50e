package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.EventInbox.EventRefusedException;
import io.recruitflow.application.port.EventInbox.Stored;
import io.recruitflow.application.port.IncomingEvent;
import io.recruitflow.contracts.EventInboxContract;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The EventInbox contract against PostgreSQL (embedded), on emptied tables; and what PostgreSQL refuses. */
class PostgresEventInboxTest extends EventInboxContract {
    @Override
    protected EventInbox newEventInbox() {
        TestDatabase.truncateAll();
        return new PostgresEventInbox(TestDatabase.jdbi());
    }

    @Test
    void an_event_postgres_cannot_hold_is_refused_for_good_and_fails_its_whole_batch() {
        EventInbox inbox = newEventInbox();
        // JSON may carry U+0000 in a string; PostgreSQL text cannot hold it. Signed and well-formed, so it gets here.
        IncomingEvent nul = event("wh_nul", "c\u0000x");
        IncomingEvent good = event("wh_good", "c1");

        assertThatThrownBy(() -> inbox.storeAll(List.of(good, nul)))
                .isInstanceOf(EventRefusedException.class)
                .hasMessageContaining("SQLSTATE 22")
                .hasMessageNotContaining("c\u0000x");
        assertThat(inbox.find("wh_good"))
                .as("one commit: nothing of the batch stored")
                .isEmpty();
        assertThatThrownBy(() -> inbox.store(nul)).isInstanceOf(EventRefusedException.class);
        assertThat(inbox.store(good)).isEqualTo(Stored.STORED);
    }

    @Test
    void only_failures_the_data_causes_count_as_refusals() {
        assertThat(PostgresEventInbox.refusedState(new java.sql.SQLException("x", "22P05")))
                .contains("22P05");
        assertThat(PostgresEventInbox.refusedState(
                        new RuntimeException(new java.sql.SQLException("index row too large", "54000"))))
                .contains("54000");
        assertThat(PostgresEventInbox.refusedState(new java.sql.SQLException("read only", "25006")))
                .isEmpty();
        assertThat(PostgresEventInbox.refusedState(new java.sql.SQLException("connection", "08006")))
                .isEmpty();
        assertThat(PostgresEventInbox.refusedState(new java.sql.SQLException("deadlock", "40P01")))
                .isEmpty();
        assertThat(PostgresEventInbox.refusedState(new IllegalStateException())).isEmpty();
    }

    private static IncomingEvent event(String id, String contact) {
        Instant at = Instant.parse("2026-03-02T15:00:00Z");
        return new IncomingEvent(
                id,
                "NoteCreate",
                Optional.of("loc_1"),
                Optional.of(contact),
                at,
                ("{\"webhookId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8),
                at);
    }
}
