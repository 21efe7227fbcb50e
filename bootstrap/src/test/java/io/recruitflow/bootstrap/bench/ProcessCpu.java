package io.recruitflow.bootstrap.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * CPU time spent so far by this JVM (Recruitflow, and the in-process sandbox and load of a benchmark) and by a
 * PostgreSQL server on this machine: its postmaster, the backends it has reaped (their time is added to the
 * postmaster's {@code cutime}/{@code cstime} by the kernel) and the backends still running. Read from
 * {@code /proc} (Linux); CPU time, unlike wall-clock time, does not count the time a thread waited for a core
 * on a shared machine.
 */
final class ProcessCpu {
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux

    private final long postmaster;

    private ProcessCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The server a superuser connection is on: its data directory names the postmaster's pid. */
    static ProcessCpu of(Connection superuser) throws SQLException, IOException {
        String dataDirectory;
        try (Statement s = superuser.createStatement();
                ResultSet r = s.executeQuery("SHOW data_directory")) {
            r.next();
            dataDirectory = r.getString(1);
        }
        String pid = Files.readAllLines(Path.of(dataDirectory, "postmaster.pid"))
                .get(0)
                .strip();
        return new ProcessCpu(Long.parseLong(pid));
    }

    /** CPU so far, in nanoseconds. */
    Counts counts() throws IOException {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long[] own = stat(Path.of("/proc", Long.toString(postmaster), "stat"));
        long ticks = own[1] + own[2] + own[3] + own[4];
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                long[] child = stat(p.resolve("stat"));
                if (child != null && child[0] == postmaster) {
                    ticks += child[1] + child[2];
                }
            }
        }
        return new Counts(jvm, ticks * NANOS_PER_TICK);
    }

    /** {ppid, utime, stime, cutime, cstime} of a process, or null if it is gone. */
    private static long[] stat(Path file) {
        String line;
        try {
            line = Files.readString(file);
        } catch (IOException e) {
            return null;
        }
        // The command name is in parentheses and may hold spaces: fields count from after its ')'.
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // f[0] = state (field 3), f[1] = ppid (4), f[11..14] = utime, stime, cutime, cstime (14..17)
        return new long[] {
            Long.parseLong(f[1]),
            Long.parseLong(f[11]),
            Long.parseLong(f[12]),
            Long.parseLong(f[13]),
            Long.parseLong(f[14])
        };
    }

    /** CPU nanoseconds of the JVM and of PostgreSQL. */
    record Counts(long jvmNanos, long postgresNanos) {
        Counts minus(Counts earlier) {
            return new Counts(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
        }

        long totalNanos() {
            return jvmNanos + postgresNanos;
        }
    }
}
