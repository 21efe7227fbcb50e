package io.recruitflow.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provides;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    final List<String> log = new CopyOnWriteArrayList<>();

    /** Something that starts and stops, and says so. */
    class Part {
        final String name;
        final boolean failsToStart;
        final boolean failsToStop;

        Part(String name, boolean failsToStart, boolean failsToStop) {
            this.name = name;
            this.failsToStart = failsToStart;
            this.failsToStop = failsToStop;
        }

        Part(String name) {
            this(name, false, false);
        }

        @PostConstruct
        void start() {
            if (failsToStart) {
                throw new IllegalStateException(name + " cannot start");
            }
            log.add("start " + name);
        }

        @PreDestroy
        void stop() {
            log.add("stop " + name);
            if (failsToStop) {
                throw new IllegalStateException(name + " cannot stop");
            }
        }
    }

    class Database extends Part {
        Database() {
            super("database");
        }
    }

    class Queue extends Part {
        Queue(Database database) {
            super("queue");
        }
    }

    class Workers extends Part {
        Workers(Queue queue) {
            super("workers");
        }
    }

    class Server extends Part {
        Server(Queue queue, boolean failsToStart) {
            super("server", failsToStart, false);
        }
    }

    /** Bound in the reverse of their dependencies, so the order cannot come from the module. */
    class Parts extends AbstractModule {
        @Provides
        @Singleton
        Workers workers(Queue queue) {
            return new Workers(queue);
        }

        @Provides
        @Singleton
        Queue queue(Database database) {
            return new Queue(database);
        }

        @Provides
        @Singleton
        Database database() {
            return new Database();
        }
    }

    @Test
    void partsStartAfterWhatTheyDependOnAndStopInReverse() {
        Injector injector = Injectors.create(new Parts());
        assertThat(log).containsExactly("start database", "start queue", "start workers");

        injector.getInstance(Lifecycle.class).stop();
        assertThat(log).endsWith("stop workers", "stop queue", "stop database");
    }

    @Test
    void aPartStartedLaterInAChildInjectorJoinsTheLifecycleAndStopsFirst() {
        Injector injector = Injectors.create(new Parts());
        Injectors.child(injector, new AbstractModule() {
            @Provides
            @Singleton
            Server server(Queue queue) {
                return new Server(queue, false);
            }
        });
        assertThat(log).endsWith("start workers", "start server");

        injector.getInstance(Lifecycle.class).stop();
        assertThat(log).endsWith("stop server", "stop workers", "stop queue", "stop database");
    }

    @Test
    void aFailedStartStopsWhatHadStartedAndThrowsTheCauseItself() {
        assertThatThrownBy(() -> Injectors.create(new Parts(), new AbstractModule() {
                    @Provides
                    @Singleton
                    Server server(Queue queue) {
                        return new Server(queue, true);
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("server cannot start");
        assertThat(log).contains("stop queue", "stop database").doesNotContain("stop server");
    }

    @Test
    void aChildThatFailsToStartStopsOnlyWhatItStarted() {
        Injector injector = Injectors.create(new Parts());
        assertThatThrownBy(() -> Injectors.child(injector, new AbstractModule() {
                    @Provides
                    @Singleton
                    Server server(Queue queue) {
                        return new Server(queue, true);
                    }
                }))
                .hasMessage("server cannot start");
        assertThat(log).noneMatch(line -> line.startsWith("stop"));

        injector.getInstance(Lifecycle.class).stop();
        assertThat(log).endsWith("stop workers", "stop queue", "stop database");
    }

    @Test
    void aFailingStopDoesNotKeepTheRestRunningAndStopIsIdempotent() {
        Injector injector = Injectors.create(new AbstractModule() {
            @Provides
            @Singleton
            Database database() {
                return new Database();
            }

            @Provides
            @Singleton
            Part stubborn(Database database) {
                return new Part("stubborn", false, true);
            }
        });
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        lifecycle.stop();
        lifecycle.stop();

        assertThat(log).containsExactly("start database", "start stubborn", "stop stubborn", "stop database");
    }

    @Test
    void somethingThatStartsMustBeASingleton() {
        assertThatThrownBy(() -> Injectors.create(new AbstractModule() {
                    @Provides
                    Database database() {
                        return new Database();
                    }

                    @Provides
                    @Singleton
                    Queue queue(Database database) {
                        return new Queue(database);
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be bound as a singleton");
    }
}
