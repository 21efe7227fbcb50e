package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL does not trust the host: every connection needs a password, TCP is on loopback,
 * the socket is in the data directory, the application is not a superuser and cannot read files through
 * SQL — and a data directory an earlier version created with trust is converted at its first start,
 * keeping its data. The psql checks run the system's client where one is installed.
 */
class EmbeddedServerSecurityTest {

    private static final Optional<Path> PSQL =
            Optional.of(Path.of("/usr/bin/psql")).filter(Files::isExecutable);

    @TempDir
    Path dataDir;

    @Test
    void nobody_gets_in_without_the_password_and_the_socket_is_not_in_tmp() throws Exception {
        try (Database db = Database.start(DatabaseConfig.embedded(dataDir))) {
            int port = db.embeddedPort().orElseThrow();
            Path pgData = dataDir.resolve(EmbeddedServer.PG_SUBDIR);

            for (String file : List.of(Database.SUPERUSER_PASSWORD_FILE, Database.APP_PASSWORD_FILE)) {
                assertThat(Files.getPosixFilePermissions(dataDir.resolve(file)))
                        .as(file)
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
            assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThat(Files.getPosixFilePermissions(pgData)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(pgData.resolve(".s.PGSQL." + port)).exists();
            assertThat(Path.of("/tmp/.s.PGSQL." + port)).doesNotExist();
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            try (Connection superuser = connect(url, "postgres", secret(Database.SUPERUSER_PASSWORD_FILE))) {
                assertThat(show(superuser, "listen_addresses")).isEqualTo("127.0.0.1,::1");
                assertThat(show(superuser, "unix_socket_directories")).isEqualTo(pgData.toString());
                assertThat(show(superuser, "unix_socket_permissions")).isEqualTo("0700");
            }

            // Over TCP: no password, a wrong one, or the application's password for the superuser: refused.
            String appPassword = secret(Database.APP_PASSWORD_FILE);
            for (String[] login : List.of(
                    new String[] {"postgres", null},
                    new String[] {"postgres", "postgres"},
                    new String[] {"postgres", appPassword},
                    new String[] {"recruitflow", null},
                    new String[] {"recruitflow", "wrong"})) {
                assertThatThrownBy(() -> connect(url, login[0], login[1]).close())
                        .as("%s with %s", login[0], login[1] == null ? "no password" : "a wrong password")
                        .isInstanceOf(SQLException.class);
            }
            // ... and with the right ones, accepted: the refusals above are about the password.
            connect(url, "postgres", secret(Database.SUPERUSER_PASSWORD_FILE)).close();
            connect(url, "recruitflow", appPassword).close();

            if (PSQL.isPresent()) {
                // The acceptance, with the system's psql (never prompting: -w).
                assertThat(psql(Map.of(), "-h", "127.0.0.1", "-p", port, "-U", "postgres"))
                        .isNotZero();
                assertThat(psql(Map.of(), "-h", "/tmp", "-p", port, "-U", "postgres"))
                        .isNotZero();
                assertThat(psql(Map.of(), "-h", "/var/run/postgresql", "-p", port, "-U", "postgres"))
                        .isNotZero();
                assertThat(psql(Map.of(), "-p", port, "-U", "postgres"))
                        .as("default socket")
                        .isNotZero();
                // The socket in the data directory wants the password too.
                assertThat(psql(Map.of(), "-h", pgData, "-p", port, "-U", "postgres"))
                        .isNotZero();
                assertThat(psql(Map.of("PGPASSWORD", appPassword), "-h", pgData, "-p", port, "-U", "recruitflow"))
                        .as("the operator's way in, with the password file")
                        .isZero();
            }
        }
    }

    @Test
    void the_application_is_an_ordinary_owner_that_cannot_read_files_through_sql() throws Exception {
        try (Database db = Database.start(DatabaseConfig.embedded(dataDir))) {
            Jdbi jdbi = db.jdbi();
            String role = jdbi.withHandle(h -> h.createQuery(
                            "SELECT current_user || ' ' || rolsuper || ' ' || rolcreaterole || ' ' || rolcreatedb"
                                    + " || ' ' || pg_has_role(current_user, 'pg_read_server_files', 'MEMBER')"
                                    + " || ' ' || pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER')"
                                    + " FROM pg_roles WHERE rolname = current_user")
                    .mapTo(String.class)
                    .one());
            assertThat(role).isEqualTo("recruitflow false false false false false");
            String key = dataDir.resolve(Database.KEY_FILE).toAbsolutePath().toString();
            assertThat(dataDir.resolve(Database.KEY_FILE)).exists();
            for (String sql : List.of(
                    "SELECT pg_read_file('" + key + "')",
                    "SELECT pg_read_binary_file('" + key + "')",
                    "SELECT pg_ls_dir('.')",
                    "CREATE TEMP TABLE k(line text); COPY k FROM '" + key + "'",
                    "SELECT lo_import('" + key + "')",
                    "COPY (SELECT 1) TO PROGRAM 'id'")) {
                assertThatThrownBy(() -> jdbi.useHandle(h -> h.createScript(sql).execute()))
                        .as(sql)
                        .hasMessageMatching("(?s).*(permission denied|must be superuser).*");
            }
            // It owns everything it uses.
            long notOwned = jdbi.withHandle(h -> h.createQuery(
                            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user")
                    .mapTo(Long.class)
                    .one());
            assertThat(notOwned).isZero();
        }
    }

    @Test
    void a_data_directory_created_with_trust_by_an_earlier_version_is_secured_and_keeps_its_data() throws Exception {
        Path pgData = dataDir.resolve(EmbeddedServer.PG_SUBDIR);
        int port;
        // As the previous version did: zonky's initdb -A trust, the schema and a row owned by postgres.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .start()) {
            port = old.getPort();
            try (Connection c = old.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + Database.EMBEDDED_DATABASE);
            }
            javax.sql.DataSource ds = old.getDatabase("postgres", Database.EMBEDDED_DATABASE);
            Database.migrate(ds);
            new PostgresProcessedEvents(Jdbi.create(ds)).markProcessed("evt-from-the-old-version");
        }
        Files.writeString(dataDir.resolve(EmbeddedServer.PORT_FILE), port + "\n");
        assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).contains("trust");
        assertThat(dataDir.resolve(Database.SUPERUSER_PASSWORD_FILE)).doesNotExist();

        for (int start = 1; start <= 2; start++) { // converted at the first start; the second just starts
            try (Database db = Database.start(DatabaseConfig.embedded(dataDir))) {
                assertThat(db.embeddedPort()).contains(port);
                assertThat(new PostgresProcessedEvents(db.jdbi()).isProcessed("evt-from-the-old-version"))
                        .as("start %d", start)
                        .isTrue();
                new PostgresProcessedEvents(db.jdbi()).markProcessed("evt-after-start-" + start);
                List<String> notOwned = db.jdbi()
                        .withHandle(h -> h.createQuery("""
                                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                        WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) <> 'recruitflow'
                                        UNION ALL
                                        SELECT 'schema public' FROM pg_namespace
                                        WHERE nspname = 'public' AND pg_get_userbyid(nspowner) <> 'recruitflow'
                                        UNION ALL
                                        SELECT 'database' FROM pg_database
                                        WHERE datname = current_database() AND pg_get_userbyid(datdba) <> 'recruitflow'
                                        """).mapTo(String.class).list());
                assertThat(notOwned)
                        .as("objects of the old version not handed over")
                        .isEmpty();
                assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).doesNotContain("trust");
                String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
                assertThatThrownBy(() -> connect(url, "postgres", null).close()).isInstanceOf(SQLException.class);
                assertThat(Files.getPosixFilePermissions(dataDir.resolve(Database.SUPERUSER_PASSWORD_FILE)))
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    @Test
    void a_lost_superuser_password_file_is_replaced_at_the_next_start() throws Exception {
        try (Database db = Database.start(DatabaseConfig.embedded(dataDir))) {
            new PostgresProcessedEvents(db.jdbi()).markProcessed("evt-kept");
        }
        String before = secret(Database.SUPERUSER_PASSWORD_FILE);
        Files.delete(dataDir.resolve(Database.SUPERUSER_PASSWORD_FILE));
        try (Database db = Database.start(DatabaseConfig.embedded(dataDir))) {
            assertThat(new PostgresProcessedEvents(db.jdbi()).isProcessed("evt-kept"))
                    .isTrue();
            String url = "jdbc:postgresql://127.0.0.1:" + db.embeddedPort().orElseThrow() + "/postgres";
            assertThat(secret(Database.SUPERUSER_PASSWORD_FILE)).isNotEqualTo(before);
            assertThatThrownBy(() -> connect(url, "postgres", before).close()).isInstanceOf(SQLException.class);
            connect(url, "postgres", secret(Database.SUPERUSER_PASSWORD_FILE)).close();
        }
    }

    @Test
    void the_socket_stays_out_of_a_path_it_does_not_fit_and_options_survive_the_shell() {
        assertThat(EmbeddedServer.socketDirectory(Path.of("/var/lib/recruitflow/data/pg"), 54321))
                .contains(Path.of("/var/lib/recruitflow/data/pg"));
        assertThat(EmbeddedServer.socketDirectory(Path.of("/" + "d".repeat(100) + "/pg"), 54321))
                .isEmpty();
        assertThat(EmbeddedServer.socketDirectory(Path.of("/srv/a,b/pg"), 54321))
                .isEmpty();
        assertThat(EmbeddedServer.shellQuoted("/srv/it's here/pg")).isEqualTo("'/srv/it'\\''s here/pg'");
        assertThat(EmbeddedServer.shellQuoted("")).isEqualTo("''");
    }

    // ---- helpers

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String secret(String file) throws IOException {
        return Files.readString(dataDir.resolve(file)).strip();
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, p);
    }

    /** psql's exit status for {@code SELECT 1} (0: connected); never prompts, never prints a password. */
    private static int psql(Map<String, String> env, Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PSQL.orElseThrow().toString(), "-w", "-X", "-q"));
        for (Object a : args) {
            command.add(a.toString());
        }
        command.addAll(List.of("-d", Database.EMBEDDED_DATABASE, "-c", "SELECT 1"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("PGPASSWORD");
        pb.environment().remove("PGHOST");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("psql", ".out");
        try {
            Process p = pb.redirectOutput(out.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("psql hung");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(output).doesNotContain(env.getOrDefault("PGPASSWORD", "\u0000"));
            return p.exitValue();
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
