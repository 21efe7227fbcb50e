package io.recruitflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.shared.ProcessedEvents;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProcessedEvents} store must do. */
public abstract class ProcessedEventsContract {

    /** A new, empty store; called once per test. */
    protected abstract ProcessedEvents newProcessedEvents();

    private ProcessedEvents processed;

    @BeforeEach
    void createStore() {
        processed = newProcessedEvents();
    }

    @Test
    void the_first_mark_answers_true_and_every_later_one_false() {
        assertThat(processed.isProcessed("evt_1")).isFalse();

        assertThat(processed.markProcessed("evt_1")).isTrue();
        assertThat(processed.markProcessed("evt_1")).isFalse();
        assertThat(processed.markProcessed("evt_1")).isFalse();

        assertThat(processed.isProcessed("evt_1")).isTrue();
        assertThat(processed.isProcessed("evt_2")).isFalse();
        assertThat(processed.markProcessed("evt_2")).isTrue();
    }

    @Test
    void of_concurrent_markers_of_one_event_exactly_one_gets_true() {
        List<Boolean> results = Concurrently.run(8, i -> () -> processed.markProcessed("evt_race"));

        assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(processed.isProcessed("evt_race")).isTrue();
    }
}
