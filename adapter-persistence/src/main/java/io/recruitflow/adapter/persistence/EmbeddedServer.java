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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL (zonky's real binaries) under {@code <dataDir>/pg}, on a port chosen once and
 * remembered in {@code <dataDir>/postgres.port}.
 *
 * <p>Locked down for a shared host: every connection authenticates with a password (scram-sha-256, also
 * on the Unix socket); TCP listens on loopback only; the Unix socket lives in the data directory itself
 * (mode 0700), not in {@code /tmp}; the superuser {@code postgres} has a generated password kept in
 * {@code <dataDir>/pg-superuser.password} (0600) and is used only here, at start; the application connects
 * as {@code recruitflow}, an ordinary role that owns its database and nothing else — no superuser, no
 * {@code pg_read_server_files} — so no SQL can read {@code secret.key} or any other file. Its password is
 * in {@code <dataDir>/pg-app.password} (0600). The listen and socket settings are given on the server's
 * command line, which outranks {@code postgresql.conf} and {@code ALTER SYSTEM}, and {@code pg_hba.conf} is
 * rewritten at every start.
 *
 * <p>A data directory created by an earlier version ({@code initdb -A trust}, everything owned by
 * {@code postgres}) is converted at its first start by this version, before any server runs on it: a
 * single-user backend (no network) sets the superuser's password, {@code pg_hba.conf} is replaced, and once
 * the server is up the application role is created and given the database and its objects.
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
    static final String SUPERUSER = "postgres";
    static final String APP_ROLE = "recruitflow";
    static final String SUPERUSER_PASSWORD_FILE = "pg-superuser.password";
    static final String APP_PASSWORD_FILE = "pg-app.password";
    /** A Unix socket's path must fit {@code sun_path} (108 bytes with the terminating NUL). */
    private static final int MAX_SOCKET_PATH = 107;

    static final String HBA = """
            # Managed by Recruitflow: rewritten at every start of the embedded PostgreSQL.
            # Every connection authenticates with a password; the Unix socket is in this directory (0700).
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDir, FileChannel lockChannel, FileLock lock) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** How the application connects: the JDBC URL (no credentials in it), its role and password. */
    record Login(String url, String user, String password) {
        @Override
        public String toString() {
            return "Login[" + url + ", user=" + user + ", password=***]";
        }
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
                String superuserPassword = secureCluster(dataDir, pgData);
                Files.writeString(pgData.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
                int port = choosePort(dataDir.resolve(PORT_FILE));
                Optional<Path> socketDir = socketDirectory(pgData, port);
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
                        // The pool (up to 200 connections at 96 job threads) and the job queue's bookkeeping pool (4).
                        .setServerConfig("max_connections", "220")
                        // Loopback only, the socket beside the data (pg_ctl passes these through a shell).
                        .setServerConfig("listen_addresses", "127.0.0.1,::1")
                        .setServerConfig(
                                "unix_socket_directories",
                                shellQuoted(socketDir.map(Path::toString).orElse("")))
                        .setServerConfig("unix_socket_permissions", "0700")
                        .setServerConfig("password_encryption", "scram-sha-256")
                        // zonky's own readiness check connects as the superuser.
                        .setConnectConfig("password", superuserPassword)
                        .start();
                log.info(
                        "embedded PostgreSQL running on 127.0.0.1:{} with data in {}{}",
                        port,
                        pgData,
                        socketDir.map(d -> "").orElse(" (no Unix socket: the path is too long)"));
                return new EmbeddedServer(pg, dataDir, channel, lock);
            } catch (RuntimeException | IOException e) {
                lock.release();
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * The superuser's password: generated for a new cluster (initdb with password authentication), read
     * from its file otherwise — and for a cluster without one (created by an earlier version with trust,
     * or whose file was lost) set through a single-user backend, before any server listens.
     */
    private static String secureCluster(Path dataDir, Path pgData) throws IOException {
        Path file = dataDir.resolve(SUPERUSER_PASSWORD_FILE);
        if (!Files.exists(pgData.resolve("postgresql.conf"))) {
            String password = newPassword();
            writeSecret(file, password);
            PostgresBinaries.prepare().initdb(pgData, SUPERUSER, file);
            log.info("created an embedded PostgreSQL in {} with password authentication", pgData);
            return password;
        }
        if (Files.exists(file)) {
            return readSecret(file);
        }
        String password = newPassword();
        String alter;
        try {
            alter = PasswordUtil.genAlterUserPasswordSQL(SUPERUSER, password.toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute the superuser's password verifier", e);
        }
        PostgresBinaries.prepare().singleUser(pgData, "postgres", List.of(alter));
        // Written only once the cluster has it: a crash before this line just repeats the step.
        writeSecret(file, password);
        log.warn(
                "secured the embedded PostgreSQL in {}: it was created without passwords (by an earlier version), "
                        + "the superuser now has one ({}) and the application connects as '{}'",
                pgData,
                file.getFileName(),
                APP_ROLE);
        return password;
    }

    /**
     * Makes the application role and its database (an ordinary role owning the database, its schema and
     * every object in it — also those an earlier version created as the superuser) and returns its login.
     */
    Login prepareApplication(String database) {
        String password;
        try {
            password = readOrCreateSecret(dataDir.resolve(APP_PASSWORD_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + dataDir.resolve(APP_PASSWORD_FILE), e);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE ROLE " + APP_ROLE);
                }
            }
            s.execute("ALTER ROLE " + APP_ROLE
                    + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            s.execute(PasswordUtil.genAlterUserPasswordSQL(APP_ROLE, password.toCharArray(), "scram-sha-256"));
            try (ResultSet rs = s.executeQuery(
                    "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + database + " OWNER " + APP_ROLE);
                } else if (!APP_ROLE.equals(rs.getString(1))) {
                    s.execute("ALTER DATABASE " + database + " OWNER TO " + APP_ROLE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the role and database of the embedded PostgreSQL", e);
        }
        try (Connection c = postgres.getDatabase(SUPERUSER, database).getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + APP_ROLE);
            s.execute(HAND_OVER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot give the database " + database + " to " + APP_ROLE, e);
        }
        return new Login("jdbc:postgresql://127.0.0.1:" + port() + "/" + database, APP_ROLE, password);
    }

    /** Gives every object in {@code public} not yet the application's to it (those of earlier versions). */
    private static final String HAND_OVER = """
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN
                SELECT c.oid::regclass AS name, c.relkind AS kind
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                  AND c.relowner <> 'recruitflow'::regrole
                  -- a table's own sequences (identity, serial) follow the table
                  AND NOT (c.relkind = 'S' AND EXISTS (
                    SELECT 1 FROM pg_depend d
                    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
              LOOP
                EXECUTE format('ALTER %s %s OWNER TO recruitflow',
                  CASE r.kind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                              WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name);
              END LOOP;
              FOR r IN
                SELECT p.oid::regprocedure AS name, p.prokind AS kind
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND p.proowner <> 'recruitflow'::regrole
              LOOP
                EXECUTE format('ALTER %s %s OWNER TO recruitflow',
                  CASE r.kind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, r.name);
              END LOOP;
              FOR r IN
                SELECT t.oid::regtype AS name, t.typtype AS kind
                FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = 'public' AND t.typowner <> 'recruitflow'::regrole AND t.typtype IN ('e', 'd')
              LOOP
                EXECUTE format('ALTER %s %s OWNER TO recruitflow',
                  CASE r.kind WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, r.name);
              END LOOP;
            END $$""";

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

    /** The Unix socket's directory, the data directory itself; empty when its path would not fit. */
    static Optional<Path> socketDirectory(Path pgData, int port) {
        String dir = pgData.toAbsolutePath().toString();
        boolean fits =
                dir.length() + "/.s.PGSQL.".length() + Integer.toString(port).length() <= MAX_SOCKET_PATH;
        // A comma or double quote would be read as list syntax in unix_socket_directories.
        return fits && dir.indexOf(',') < 0 && dir.indexOf('"') < 0 ? Optional.of(Path.of(dir)) : Optional.empty();
    }

    /** pg_ctl hands the server options to /bin/sh: a value in single quotes arrives as it is. */
    static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String readOrCreateSecret(Path file) throws IOException {
        if (!Files.exists(file)) {
            writeSecret(file, newPassword());
        }
        return readSecret(file);
    }

    private static String readSecret(Path file) throws IOException {
        // Tightened should someone have loosened it (a copy, a restore from a backup).
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (secret.isEmpty()) {
            throw new IllegalStateException(file + " is empty; restore it from a backup");
        }
        return secret;
    }

    /** Written owner-only to a temporary file and moved into place: never half-written, never readable. */
    private static void writeSecret(Path file, String secret) throws IOException {
        Path tmp = Files.createTempFile(
                file.getParent(),
                file.getFileName().toString(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, secret + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
