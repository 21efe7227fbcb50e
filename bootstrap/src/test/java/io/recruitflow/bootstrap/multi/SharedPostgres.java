package io.recruitflow.bootstrap.multi;

import io.recruitflow.adapter.persistence.Database;
import io.recruitflow.adapter.persistence.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL server per test JVM (a start costs seconds), standing in for the external server
 * several instances share: each test class gets a fresh database on it, and every "instance" connects to
 * that database in external mode ({@code RECRUITFLOW_DB_URL}), with its own pool and its own Flyway run.
 */
public final class SharedPostgres {
    private static Database server;
    private static Path dataDir;

    private SharedPostgres() {}

    /** A new, empty database on the shared server; the JDBC URL an instance would get as RECRUITFLOW_DB_URL. */
    public static synchronized String freshDatabase(String name) {
        if (server == null) {
            try {
                dataDir = Files.createTempDirectory("recruitflow-multi");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = Database.start(DatabaseConfig.embedded(dataDir).withMaximumPoolSize(2));
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::stop, "multi-postgres-stop"));
        }
        // The application role may not create databases; the superuser, with its password file, may.
        String base = "jdbc:postgresql://127.0.0.1:" + server.embeddedPort().orElseThrow() + "/";
        try (Connection c = DriverManager.getConnection(
                        base + "postgres", "postgres", secret(Database.SUPERUSER_PASSWORD_FILE));
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + Database.APP_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        // Credentials inside the URL, as some operators configure RECRUITFLOW_DB_URL.
        return base + name + "?user=" + Database.APP_ROLE + "&password=" + secret(Database.APP_PASSWORD_FILE);
    }

    /**
     * A superuser connection to the server's maintenance database, for what a test does to the server itself
     * (terminate sessions, refuse connections); the caller closes it.
     */
    public static synchronized Connection superuser() throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + server.embeddedPort().orElseThrow() + "/postgres";
        return DriverManager.getConnection(url, "postgres", secret(Database.SUPERUSER_PASSWORD_FILE));
    }

    /** The superuser's JDBC URL of the server's maintenance database (a database must have been created first). */
    public static synchronized String superuserUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.embeddedPort().orElseThrow() + "/postgres";
    }

    /** The superuser's password on the server. */
    public static synchronized String superuserPassword() {
        return secret(Database.SUPERUSER_PASSWORD_FILE);
    }

    private static String secret(String file) {
        try {
            return Files.readString(dataDir.resolve(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An instance's own connection pool on the database (external mode, migrated like a service's). */
    public static Database instance(String url) {
        return Database.start(DatabaseConfig.external(url, null, null).withMaximumPoolSize(4));
    }

    /** A RECRUITFLOW_SECRET_KEY: base64 of 32 random bytes, the same for every instance of one deployment. */
    public static String secretKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static synchronized void stop() {
        if (server != null) {
            server.close();
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir; the OS cleans it
            }
        }
    }
}
