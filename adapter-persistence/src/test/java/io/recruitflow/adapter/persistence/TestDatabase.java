package io.recruitflow.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * One embedded PostgreSQL per test JVM (starting one costs a second or two), shared by every test class,
 * plus a second {@link Database} over the same server for "two instances" tests. Stopped at JVM exit.
 */
final class TestDatabase {
    private static Database primary;
    private static Database secondary;
    private static Path dataDir;

    private TestDatabase() {}

    static synchronized Database get() {
        if (primary == null) {
            try {
                dataDir = Files.createTempDirectory("recruitflow-test-db");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            primary = Database.start(DatabaseConfig.embedded(dataDir).withMaximumPoolSize(24));
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop, "test-database-stop"));
        }
        return primary;
    }

    /** Another instance (own pool, own Flyway run) on the same PostgreSQL, as a second service would be. */
    static synchronized Database secondInstance() {
        if (secondary == null) {
            secondary =
                    Database.start(external().withSecretKey(secretKeyOf(get())).withMaximumPoolSize(12));
        }
        return secondary;
    }

    /**
     * The shared server as an external database, with the embedded server's application login (the role
     * and the password from the data directory), as another service would be configured.
     */
    static DatabaseConfig external() {
        try {
            String password = Files.readString(get().config().dataDir().resolve(Database.APP_PASSWORD_FILE))
                    .strip();
            return DatabaseConfig.external(get().jdbcUrl(), Database.APP_ROLE, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Jdbi jdbi() {
        return get().jdbi();
    }

    /** Empties every table, for a store that must start empty. */
    static void truncateAll() {
        jdbi().useHandle(h -> {
            h.execute("""
                    TRUNCATE recruits, intake_steps, opportunities, deleted_opportunities, appointments, messages, oauth_tokens,
                        processed_events, inbox_events, scheduled_tasks, suspended_locations, recruit_replies,
                        credential_leases, pending_installs, nurture_steps, nurture_news, owner_alerts RESTART IDENTITY
                    """);
            h.execute("UPDATE inbox_counters SET value = 0");
        });
    }

    private static String secretKeyOf(Database db) {
        try {
            return Files.readString(dataDir.resolve(Database.KEY_FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void stop() {
        if (secondary != null) {
            secondary.close();
        }
        if (primary != null) {
            primary.close();
        }
        deleteTree(dataDir);
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort in a temp dir
        }
    }
}
