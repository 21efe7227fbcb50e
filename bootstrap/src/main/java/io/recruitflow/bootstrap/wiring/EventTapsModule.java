package io.recruitflow.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provider;
import io.recruitflow.application.outbound.EventTaps;
import io.recruitflow.application.port.RecruitEvents;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Recruits;
import jakarta.inject.Qualifier;
import jakarta.inject.Singleton;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;
import java.util.Set;

/**
 * Installs the stores' module with the {@link MessageLog} and the {@link IntakeJournal} decorated by
 * {@link EventTaps}, so that a message of ours moving to SENT and an intake step failing for good are announced as
 * recruit events ({@link RecruitEvents}); the stores know nothing of it.
 */
public final class EventTapsModule extends AbstractModule {
    private final Module stores;

    /** Where the stores' own bindings are moved, for the taps to wrap. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
    public @interface Untapped {}

    public EventTapsModule(Module stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    @Override
    protected void configure() {
        Key<MessageLog> messages = Key.get(MessageLog.class);
        Key<IntakeJournal> journal = Key.get(IntakeJournal.class);
        install(Decorations.moveAside(stores, Set.of(messages, journal), Untapped.class));
        Provider<MessageLog> log = getProvider(Key.get(MessageLog.class, Untapped.class));
        Provider<IntakeJournal> steps = getProvider(Key.get(IntakeJournal.class, Untapped.class));
        Provider<Recruits> recruits = getProvider(Recruits.class);
        Provider<RecruitEvents> events = getProvider(RecruitEvents.class);
        bind(messages)
                .toProvider((Provider<MessageLog>) () -> EventTaps.messages(log.get(), recruits.get(), events.get()))
                .in(Singleton.class);
        bind(journal)
                .toProvider(
                        (Provider<IntakeJournal>) () -> EventTaps.journal(steps.get(), recruits.get(), events.get()))
                .in(Singleton.class);
    }
}
