package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, migrating, restarting and configuring the database. */
class DatabaseTest {

    @Test
    void migrations_run_from_an_empty_database_and_create_every_table() {
        // The shared test database was migrated from nothing at its first start.
        List<String> versions = TestDatabase.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                        .mapTo(String.class)
                        .list());
        List<String> tables = TestDatabase.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
                        .mapTo(String.class)
                        .list());

        // Every migration in the source tree ran, in order.
        List<String> shipped;
        try (java.util.stream.Stream<Path> files =
                java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
            shipped = files.map(f -> f.getFileName().toString())
                    .map(n -> n.substring(1, n.indexOf("__")))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(shipped).startsWith("1", "2", "3");
        assertThat(versions).isEqualTo(shipped);
        assertThat(tables)
                .contains(
                        "recruits",
                        "intake_steps",
                        "opportunities",
                        "appointments",
                        "messages",
                        "oauth_tokens",
                        "processed_events",
                        "inbox_events",
                        "inbox_counters",
                        "scheduled_tasks",
                        "suspended_locations",
                        "rate_limit_buckets");
    }

    @Test
    void the_embedded_server_commits_durably() {
        // zonky defaults to fsync=off and synchronous_commit=off; a lead store must not.
        Map<String, String> settings = TestDatabase.jdbi()
                .withHandle(h -> Map.of(
                        "fsync", h.createQuery("SHOW fsync").mapTo(String.class).one(),
                        "synchronous_commit",
                                h.createQuery("SHOW synchronous_commit")
                                        .mapTo(String.class)
                                        .one()));

        assertThat(settings).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on");
    }

    @Test
    void only_the_job_queues_own_bookkeeping_commits_without_waiting_for_the_flush() throws Exception {
        Database db = TestDatabase.get();
        try (java.sql.Connection bookkeeping = db.bookkeepingDataSource().getConnection();
                java.sql.Connection durable = db.dataSource().getConnection()) {
            assertThat(show(bookkeeping, "synchronous_commit")).isEqualTo("off");
            assertThat(show(durable, "synchronous_commit")).isEqualTo("on");
        }
        assertThat(db.bookkeepingDataSource()).isSameAs(db.bookkeepingDataSource());
    }

    private static String show(java.sql.Connection c, String setting) throws java.sql.SQLException {
        try (java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void data_survives_a_restart_on_the_same_data_dir_with_the_same_port_and_key(@TempDir Path dir) throws Exception {
        int port;
        String key;
        try (Database db = Database.start(DatabaseConfig.embedded(dir))) {
            port = db.embeddedPort().orElseThrow();
            new PostgresProcessedEvents(db.jdbi()).markProcessed("evt-before-restart");
            key = Files.readString(dir.resolve(Database.KEY_FILE)).strip();
        }
        assertThat(dir.resolve("pg/postmaster.pid")).doesNotExist();

        try (Database db = Database.start(DatabaseConfig.embedded(dir))) {
            assertThat(new PostgresProcessedEvents(db.jdbi()).isProcessed("evt-before-restart"))
                    .isTrue();
            assertThat(db.embeddedPort()).contains(port);
            assertThat(Files.readString(dir.resolve(Database.KEY_FILE)).strip()).isEqualTo(key);
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve(Database.KEY_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void a_second_process_or_start_on_a_data_dir_in_use_is_refused_clearly() {
        Path inUse = TestDatabase.get().config().dataDir();

        assertThatThrownBy(() -> Database.start(DatabaseConfig.embedded(inUse)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already runs a database on");
    }

    @Test
    void an_external_instance_on_the_same_server_migrates_nothing_and_sees_the_same_data() {
        TestDatabase.truncateAll();
        new PostgresProcessedEvents(TestDatabase.jdbi()).markProcessed("evt-shared");

        Database other = TestDatabase.secondInstance();

        assertThat(other.embedded()).isFalse();
        assertThat(new PostgresProcessedEvents(other.jdbi()).isProcessed("evt-shared"))
                .isTrue();
    }

    @Test
    void an_unreachable_external_server_fails_the_start() {
        DatabaseConfig config = DatabaseConfig.external("jdbc:postgresql://127.0.0.1:1/recruitflow", "rf", "pw");

        assertThatThrownBy(() -> Database.start(config)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void configuration_comes_from_the_environment_with_embedded_defaults() {
        DatabaseConfig none = DatabaseConfig.fromEnvironment(Map.of());
        assertThat(none.embedded()).isTrue();
        assertThat(none.dataDir()).isEqualTo(Path.of("data"));

        String key = TokenCipher.generateKey();
        DatabaseConfig external = DatabaseConfig.fromEnvironment(Map.of(
                "RECRUITFLOW_DB_URL", "jdbc:postgresql://db.internal:5432/recruitflow?password=hunter2",
                "RECRUITFLOW_DB_USER", "rf",
                "RECRUITFLOW_DB_PASSWORD", "s3cret-pw",
                "RECRUITFLOW_SECRET_KEY", key,
                "RECRUITFLOW_DATA_DIR", "/var/lib/rf"));
        assertThat(external.embedded()).isFalse();
        assertThat(external.user()).contains("rf");
        assertThat(external.dataDir()).isEqualTo(Path.of("/var/lib/rf"));
        assertThat(external.toString())
                .doesNotContain("s3cret-pw", "hunter2", key)
                .contains("password=***");
        assertThat(DatabaseConfig.external("jdbc:postgresql://rf:in-userinfo@db:5432/rf", null, null)
                        .toString())
                .doesNotContain("in-userinfo")
                .contains("//rf:***@db:5432/rf");
    }

    @Test
    void bad_configuration_is_refused_without_echoing_secrets() {
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("RECRUITFLOW_DB_URL", "mysql://x")))
                .hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> DatabaseConfig.embedded(Path.of("d")).withSecretKey("not base64 !!"))
                .hasMessageContaining("base64")
                .hasMessageNotContaining("not base64 !!");
        assertThatThrownBy(() -> DatabaseConfig.embedded(Path.of("d")).withSecretKey("c2hvcnQ="))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> DatabaseConfig.embedded(Path.of("d")).withMaximumPoolSize(1))
                .hasMessageContaining("pool size");
    }

    @Test
    void an_external_database_without_a_secret_key_cannot_store_tokens() {
        try (Database db = Database.start(TestDatabase.external())) {
            assertThatThrownBy(db::tokenCipher)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("RECRUITFLOW_SECRET_KEY");
        }
    }
}
