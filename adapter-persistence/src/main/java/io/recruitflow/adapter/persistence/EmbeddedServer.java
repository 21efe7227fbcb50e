package io.recruitflow.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL (zonky's real binaries) under {@code <dataDir>/pg}, on a port chosen once and
 * remembered in {@code <dataDir>/postgres.port}.
 *
 * <p>Crash recovery, before PostgreSQL is started:
 * <ul>
 *   <li>{@code <dataDir>/recruitflow.lock} is held (an OS file lock, released by the kernel when the JVM
 *       dies, even by {@code kill -9}) so two live processes never run on one data directory;</li>
 *   <li>a {@code postmaster.pid} whose process is a live {@code postgres} is a server orphaned by a killed
 *       JVM: it is shut down cleanly by signal (SIGINT, PostgreSQL's fast shutdown), then started again;</li>
 *   <li>a {@code postmaster.pid} whose pid now belongs to another program (pid reuse, common in
 *       containers) is removed, since PostgreSQL would refuse to start;</li>
 *   <li>a {@code postmaster.pid} naming a zombie (a killed postmaster not yet reaped by PID 1, as in many
 *       containers) is removed, since PostgreSQL would take the zombie for a live server;</li>
 *   <li>a {@code postmaster.pid} whose process is gone is left to PostgreSQL, which removes it itself after
 *       checking that no old backend still holds the shared memory, and replays its WAL.</li>
 * </ul>
 */
final class EmbeddedServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    static final String PG_SUBDIR = "pg";
    static final String PORT_FILE = "postgres.port";
    static final String LOCK_FILE = "recruitflow.lock";
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedServer(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static EmbeddedServer start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel =
                    FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                channel.close();
                throw new IllegalStateException("this JVM already runs a database on " + dataDir);
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another running Recruitflow uses the data directory " + dataDir
                        + "; stop it or choose another RECRUITFLOW_DATA_DIR");
            }
            try {
                Path pgData = dataDir.resolve(PG_SUBDIR);
                Files.createDirectories(pgData);
                recoverFromCrash(pgData);
                int port = choosePort(dataDir.resolve(PORT_FILE));
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        // Crash recovery (WAL replay) after a kill may take longer than zonky's 10 s default.
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit=off, settings for
                        // throw-away test databases. Ours keeps leads and webhooks: a commit must be durable.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("max_connections", "200")
                        .start();
                log.info("embedded PostgreSQL running on port {} with data in {}", port, pgData);
                return new EmbeddedServer(pg, channel, lock);
            } catch (RuntimeException | IOException e) {
                lock.release();
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Ensures the database exists (created on first start) and returns its JDBC URL. */
    String ensureDatabase(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " in the embedded PostgreSQL", e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("stopping the embedded PostgreSQL failed", e);
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("releasing the data directory lock failed", e);
        }
    }

    static void recoverFromCrash(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<Long> pid = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
        if (pid.isEmpty()) {
            log.warn("removing an unreadable postmaster.pid in {}", pgData);
            Files.delete(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isPresent() && awaitReapedOrZombie(pid.get())) {
            // A killed postmaster that nobody reaped (PID 1 in many containers does not): PostgreSQL's own
            // check (kill(pid, 0)) would take the zombie for a running server and refuse to start. A zombie
            // holds no memory; its auxiliary processes exit within moments of its death (waited for above).
            log.warn(
                    "postmaster.pid in {} names pid {}, a dead (zombie) postmaster: removing the stale file",
                    pgData,
                    pid.get());
            Files.delete(pidFile);
            return;
        }
        process = process.filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.warn(
                    "postmaster.pid in {} names pid {}, which is gone (the server was killed); PostgreSQL will "
                            + "remove it and recover from its WAL",
                    pgData,
                    pid.get());
            return;
        }
        Optional<Path> binary = process.get().info().command().map(Path::of);
        boolean postgres = binary.map(b -> b.getFileName().toString())
                .filter(n -> n.equals("postgres") || n.equals("postmaster"))
                .isPresent();
        if (!postgres) {
            if (binary.isPresent()) {
                log.warn(
                        "postmaster.pid in {} names pid {}, now a {} process: removing the stale file",
                        pgData,
                        pid.get(),
                        binary.get().getFileName());
                Files.delete(pidFile);
            }
            // Without the command we cannot tell; PostgreSQL will explain if it refuses to start.
            return;
        }
        log.warn(
                "a PostgreSQL (pid {}) left running by an earlier, killed Recruitflow still serves {}: stopping it",
                pid.get(),
                pgData);
        stopOrphan(process.get(), pgData);
    }

    /**
     * Stops an orphaned postmaster by signal, as {@code pg_ctl stop -m fast} would (pg_ctl itself refuses to
     * run as root, and Recruitflow may run as root in a container): SIGINT is PostgreSQL's "fast" shutdown,
     * a clean one with a final checkpoint; SIGTERM ("smart") is the fallback. Never SIGKILL.
     */
    private static void stopOrphan(ProcessHandle postmaster, Path pgData) throws IOException {
        signal("INT", postmaster); // "fast" shutdown: ends sessions, writes a final checkpoint
        if (awaitExit(postmaster, STOP_WAIT)) {
            return;
        }
        postmaster.destroy(); // SIGTERM, should kill(1) be unavailable
        if (!awaitExit(postmaster, Duration.ofSeconds(5))) {
            throw new IllegalStateException("the PostgreSQL (pid " + postmaster.pid() + ") on " + pgData
                    + " did not stop; stop it by hand and start again");
        }
    }

    private static void signal(String name, ProcessHandle process) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned PostgreSQL", e);
        } catch (IOException e) {
            log.warn("cannot run kill(1): {}", e.getMessage());
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) throws IOException {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            return !process.isAlive();
        }
    }

    /**
     * Whether the process is a zombie (Linux {@code /proc}); waits a little first, since a zombie's
     * children may still be exiting and PID 1 may reap it meanwhile (then it is simply gone).
     */
    private static boolean awaitReapedOrZombie(long pid) throws IOException {
        if (!zombie(pid)) {
            return false;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for a dead postmaster", e);
            }
            if (!zombie(pid)) {
                return false; // reaped: gone, PostgreSQL's own stale-file check applies
            }
        }
        return true;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false; // no /proc (not Linux) or already gone
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            long pid = Long.parseLong(line.strip());
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int choosePort(Path portFile) throws IOException {
        if (Files.exists(portFile)) {
            try {
                int remembered = Integer.parseInt(Files.readString(portFile).strip());
                if (isFree(remembered)) {
                    return remembered;
                }
                log.warn("the embedded PostgreSQL's port {} is taken by another program; choosing another", remembered);
            } catch (NumberFormatException e) {
                log.warn("ignoring an unreadable {}", portFile);
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.writeString(portFile, port + "\n");
        return port;
    }

    private static boolean isFree(int port) {
        if (port <= 0 || port > 65535) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
