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
    private final Path dataDir;

    public PgCommits(Path dataDir) throws IOException {
        this(
                "jdbc:postgresql://127.0.0.1:"
                        + Files.readString(dataDir.resolve("postgres.port")).strip() + "/postgres",
                Files.readString(dataDir.resolve(Database.SUPERUSER_PASSWORD_FILE))
                        .strip(),
                dataDir);
    }

    /** The server of a superuser's JDBC URL (its maintenance database) and password ({@link #cpuMillis} empty). */
    public PgCommits(String url, String password) {
        this(url, password, null);
    }

    private PgCommits(String url, String password, Path dataDir) {
        this.url = url;
        this.password = password;
        this.dataDir = dataDir;
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

    /**
     * CPU time the embedded PostgreSQL has used so far, in milliseconds: its postmaster's and live backends' user and
     * system time from {@code /proc}, plus what the postmaster reaped of exited children. Linux only (empty
     * elsewhere); a backend that exits between two reads loses its time from the later one only in part.
     */
    public java.util.OptionalLong cpuMillis() {
        try {
            long postmaster =
                    Long.parseLong(Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid"))
                            .get(0)
                            .strip());
            long ticks = 0;
            String[] own = stat(postmaster);
            ticks += Long.parseLong(own[13])
                    + Long.parseLong(own[14])
                    + Long.parseLong(own[15])
                    + Long.parseLong(own[16]);
            try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String[] f = stat(Long.parseLong(name));
                        if (Long.parseLong(f[3]) == postmaster) {
                            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // exited meanwhile
                    }
                }
            }
            return java.util.OptionalLong.of(ticks * 10); // USER_HZ = 100 on Linux
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** The fields of {@code /proc/PID/stat} after the command name (index 0 = pid, 3 = ppid, 13/14 = utime/stime). */
    private static String[] stat(long pid) throws IOException {
        String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String rest = line.substring(line.lastIndexOf(')') + 2);
        String[] tail = rest.split(" ");
        String[] all = new String[tail.length + 2];
        all[0] = Long.toString(pid);
        all[1] = "comm";
        System.arraycopy(tail, 0, all, 2, tail.length);
        return all;
    }

    /** CPU time this JVM has used so far (every thread: Recruitflow, the sandbox, the benchmark), in milliseconds. */
    public static long jvmCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000_000;
    }

    public record Counts(long commits, long walSyncs) {
        public Counts minus(Counts earlier) {
            return new Counts(commits - earlier.commits, walSyncs - earlier.walSyncs);
        }
    }
}
