package io.recruitflow.adapter.ghl.ratelimit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL for the shared permit source: one embedded server per test JVM (a start costs seconds),
 * standing in for the external server several instances share. Each test class gets a fresh database holding
 * the bucket table as Recruitflow's schema has it (adapter-persistence's {@code V4__rate_limit_buckets.sql};
 * this adapter does not depend on that one), and every "instance" gets its own connection pool on it.
 */
final class BucketDatabase {
    /** The table of {@code V4__rate_limit_buckets.sql}. */
    private static final String BUCKET_TABLE = "CREATE TABLE rate_limit_buckets (id TEXT PRIMARY KEY, state BYTEA)";

    private static EmbeddedPostgres server;

    private BucketDatabase() {}

    /** A new database on the shared server with the bucket table; the JDBC URL an instance would connect to. */
    static synchronized String freshDatabase(String name) {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(BucketDatabase::stop, "bucket-postgres-stop"));
        }
        String url = server.getJdbcUrl("postgres", name);
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(BUCKET_TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the bucket table in " + name, e);
        }
        return url;
    }

    /** An instance's own connection pool on the database. */
    static HikariDataSource instance(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // a temporary server; the OS cleans up
            }
        }
    }
}
