package io.recruitflow.bootstrap.bench;

import io.recruitflow.adapter.persistence.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads the embedded PostgreSQL's commit and WAL-sync counters ({@code pg_stat_database}, {@code pg_stat_wal}),
 * to count what a phase of the benchmark costs in database work on the measured path. The port is
 * the one the runtime's embedded server remembers in {@code <dataDir>/postgres.port}.
 */
public final class PgCommits {
    private final String url;
    private final String password;

    public PgCommits(Path dataDir) throws IOException {
        this(
                "jdbc:postgresql://127.0.0.1:"
                        + Files.readString(dataDir.resolve("postgres.port")).strip() + "/postgres",
                Files.readString(dataDir.resolve(Database.SUPERUSER_PASSWORD_FILE))
                        .strip());
    }

    /** The server of a superuser's JDBC URL (its maintenance database) and password. */
    public PgCommits(String url, String password) {
        this.url = url;
        this.password = password;
    }

    /** A superuser connection to the server; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", password);
    }

    /**
     * Transactions committed (read-only ones included) and WAL syncs (the fsyncs that durable commits wait
     * for; group commit shares one among concurrent commits) so far. Waits out the statistics collector's
     * delay (PostgreSQL 14 reports every 500 ms).
     */
    public Counts counts() throws SQLException, InterruptedException {
        Thread.sleep(700);
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select (select sum(xact_commit) from pg_stat_database), "
                        + "(select wal_sync from pg_stat_wal)")) {
            r.next();
            return new Counts(r.getLong(1), r.getLong(2));
        }
    }

    public record Counts(long commits, long walSyncs) {
        public Counts minus(Counts earlier) {
            return new Counts(commits - earlier.commits, walSyncs - earlier.walSyncs);
        }
    }
}
