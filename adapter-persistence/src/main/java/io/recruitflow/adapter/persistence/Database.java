package io.recruitflow.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recruitflow's PostgreSQL, started and migrated: a pooled {@link DataSource} (HikariCP), a {@link Jdbi}
 * over it for the stores, and the {@link TokenCipher} of stored OAuth tokens.
 *
 * <p>Embedded mode (no URL configured) runs PostgreSQL itself with its data under
 * {@code <dataDir>/pg}; the data survives restarts, and a start after a {@code kill -9} recovers (see
 * {@link EmbeddedServer}). External mode connects to the configured server. Either way the Flyway
 * migrations under {@code db/migration} run at start; Flyway's lock lets several instances start at once.
 *
 * <p>{@link #create} makes it without I/O; {@link #start()} (the lifecycle's {@code @PostConstruct}) starts it,
 * {@link #close()} ({@code @PreDestroy}) closes the pool, then stops the embedded server cleanly.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final String EMBEDDED_DATABASE = "recruitflow";
    static final String KEY_FILE = "secret.key";

    /**
     * In the data directory of the embedded server: the password (one line, mode 0600) of its application
     * role {@code recruitflow}, owner of the database {@code recruitflow} — what
     * {@code pg_dump} or {@code psql} of an operator use.
     */
    public static final String APP_PASSWORD_FILE = EmbeddedServer.APP_PASSWORD_FILE;

    /** In the data directory of the embedded server: the password (0600) of its superuser {@code postgres}. */
    public static final String SUPERUSER_PASSWORD_FILE = EmbeddedServer.SUPERUSER_PASSWORD_FILE;

    /** The embedded server's application role. */
    public static final String APP_ROLE = EmbeddedServer.APP_ROLE;

    private final DatabaseConfig config;
    private volatile Started started;
    private boolean closed;

    /** What a start brings up: the embedded server (if embedded), the pool, JDBI over it, the token cipher. */
    private record Started(
            Optional<EmbeddedServer> embedded,
            HikariDataSource dataSource,
            Jdbi jdbi,
            Optional<TokenCipher> tokenCipher) {}

    private Database(DatabaseConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The database {@code config} describes, not started yet: {@link #start()} (called by the lifecycle that
     * manages it, see {@link PersistenceModule}) does the I/O.
     */
    public static Database create(DatabaseConfig config) {
        return new Database(config);
    }

    /** Starts (embedded) or connects to (external) PostgreSQL and migrates the schema: {@link #create} + {@link #start()}. */
    public static Database start(DatabaseConfig config) {
        Database database = create(config);
        database.start();
        return database;
    }

    /**
     * Starts (embedded) or connects to (external) PostgreSQL and migrates the schema. On failure, whatever it
     * had started is stopped again.
     *
     * @throws IllegalStateException when already started
     */
    @PostConstruct
    public synchronized void start() {
        if (started != null) {
            throw new IllegalStateException("the database is already started");
        }
        Optional<EmbeddedServer> embedded = Optional.empty();
        HikariDataSource pool = null;
        try {
            HikariConfig hikari = new HikariConfig();
            hikari.setPoolName("recruitflow-db");
            hikari.setMaximumPoolSize(config.maximumPoolSize());
            hikari.setMinimumIdle(Math.min(2, config.maximumPoolSize()));
            // Fail fast when the database is down: the webhook receiver answers 429 and GHL retries.
            hikari.setConnectionTimeout(5_000);
            hikari.addDataSourceProperty("ApplicationName", "recruitflow");
            // PostgreSQL's detail of a failed statement names the values (Key (phone)=(…), Failing row
            // contains (…)): never into an exception message, a log or a stored error.
            hikari.addDataSourceProperty("logServerErrorDetail", "false");
            Optional<TokenCipher> cipher;
            if (config.embedded()) {
                Path dataDir = config.dataDir().toAbsolutePath().normalize();
                EmbeddedServer server = EmbeddedServer.start(dataDir);
                embedded = Optional.of(server);
                // An ordinary role that owns the database, never the superuser (see EmbeddedServer).
                EmbeddedServer.Login login = server.prepareApplication(EMBEDDED_DATABASE);
                hikari.setJdbcUrl(login.url());
                hikari.setUsername(login.user());
                hikari.setPassword(login.password());
                cipher = Optional.of(TokenCipher.fromBase64(config.secretKey().orElseGet(() -> keyFile(dataDir))));
            } else {
                hikari.setJdbcUrl(config.url().orElseThrow());
                config.user().ifPresent(hikari::setUsername);
                config.password().ifPresent(hikari::setPassword);
                cipher = config.secretKey().map(TokenCipher::fromBase64);
            }
            cipher = cipher.map(
                    c -> config.previousSecretKey().map(c::withPrevious).orElse(c));
            pool = new HikariDataSource(hikari);
            migrate(pool);
            Jdbi jdbi = jdbi(pool);
            cipher.filter(TokenCipher::hasPrevious).ifPresent(c -> reencrypt(jdbi, c));
            log.info("database ready: {}", config);
            started = new Started(embedded, pool, jdbi, cipher);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            embedded.ifPresent(EmbeddedServer::close);
            throw e;
        }
    }

    private Started started() {
        Started s = started;
        if (s == null) {
            throw new IllegalStateException("the database is not started");
        }
        return s;
    }

    /**
     * After a rotation of {@code RECRUITFLOW_SECRET_KEY}: every token still under the previous key is encrypted
     * with the new one. The log line says when {@code RECRUITFLOW_SECRET_KEY_PREVIOUS} may go.
     */
    private void reencrypt(Jdbi jdbi, TokenCipher cipher) {
        PostgresCredentialStore.Reencryption done = PostgresCredentialStore.reencrypt(jdbi, cipher);
        if (!done.unreadable().isEmpty()) {
            log.error(
                    "key rotation: the stored tokens of {} decrypt under neither RECRUITFLOW_SECRET_KEY nor "
                            + "RECRUITFLOW_SECRET_KEY_PREVIOUS; those installations must be installed again",
                    done.unreadable());
        }
        log.info(
                "key rotation: {} stored token row(s) re-encrypted with RECRUITFLOW_SECRET_KEY; once every instance "
                        + "runs with the new key and a start re-encrypts 0, RECRUITFLOW_SECRET_KEY_PREVIOUS can go",
                done.reencrypted());
    }

    /**
     * Jdbi over the pool. Its default exception message renders the statement with its bound values — a
     * recruit's phone, email and name — so a failed statement's message is the driver's alone.
     */
    static Jdbi jdbi(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        return jdbi;
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    /** The pooled connections, e.g. for db-scheduler. */
    public DataSource dataSource() {
        return started().dataSource();
    }

    /** Connections of {@link #bookkeepingDataSource}: few, since each of db-scheduler's statements is short. */
    static final int BOOKKEEPING_POOL_SIZE = 4;

    private HikariDataSource bookkeeping;

    /**
     * A small second pool whose commits do not wait for the WAL flush ({@code synchronous_commit = off}), for
     * db-scheduler's own bookkeeping: claiming due jobs, heartbeats, the end of a job whose handler is idempotent.
     * A database crash can lose the last fraction of a second of those commits, and that loses no work: a lost
     * claim or heartbeat only means the job is claimed again, a lost end that the job runs again, which every
     * handler allows ({@code JobQueue}). Anything that must survive — a scheduled job, a step's outcome — commits
     * on {@link #dataSource}, and each such flush makes every earlier commit durable too, since the WAL is one
     * stream. It spares a lead the flush of each claim of its jobs.
     */
    public synchronized DataSource bookkeepingDataSource() {
        Started s = started();
        if (bookkeeping == null) {
            HikariConfig copy = new HikariConfig();
            s.dataSource().copyStateTo(copy);
            copy.setPoolName("recruitflow-jobs");
            copy.setMaximumPoolSize(BOOKKEEPING_POOL_SIZE);
            copy.setMinimumIdle(1);
            copy.setConnectionInitSql("SET synchronous_commit TO off");
            bookkeeping = new HikariDataSource(copy);
        }
        return bookkeeping;
    }

    /** JDBI over the pool, for the stores. */
    public Jdbi jdbi() {
        return started().jdbi();
    }

    /**
     * The cipher of stored OAuth tokens.
     *
     * @throws IllegalStateException with an external database and no {@code RECRUITFLOW_SECRET_KEY}
     */
    public TokenCipher tokenCipher() {
        return started()
                .tokenCipher()
                .orElseThrow(() -> new IllegalStateException(DatabaseConfig.ENV_SECRET_KEY
                        + " is required to store OAuth tokens in an external database (base64 of 32 random bytes)"));
    }

    /** Whether this is the embedded server. */
    public boolean embedded() {
        return config.embedded();
    }

    /** The JDBC URL (without credentials), e.g. for a second instance in tests or for logs. */
    public String jdbcUrl() {
        return started().dataSource().getJdbcUrl();
    }

    /** The embedded server's port, if embedded. */
    public Optional<Integer> embeddedPort() {
        return started().embedded().map(EmbeddedServer::port);
    }

    /**
     * Whether the database answers now (a pooled connection that is valid within two seconds): the readiness of
     * whatever runs on it.
     */
    public boolean answers() throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            return c.isValid(2);
        }
    }

    public DatabaseConfig config() {
        return config;
    }

    /** Closes the pool, then stops the embedded server cleanly. Idempotent; nothing to do if never started. */
    @PreDestroy
    @Override
    public synchronized void close() {
        Started s = started;
        if (s == null || closed) {
            return;
        }
        closed = true;
        if (bookkeeping != null) {
            bookkeeping.close();
        }
        s.dataSource().close();
        s.embedded().ifPresent(EmbeddedServer::close);
    }

    /** Reads the embedded mode's generated key, creating it (owner read/write only) on first start. */
    private static String keyFile(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                // Written to a private temporary file and moved into place, so a crash never leaves a
                // half-written key. The data directory lock (held by now) rules out a concurrent writer.
                Path tmp = Files.createTempFile(
                        dataDir,
                        "secret",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, TokenCipher.generateKey() + "\n", StandardCharsets.US_ASCII);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                log.info("generated a token encryption key in {}", file);
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (key.isEmpty()) {
                throw new IllegalStateException(
                        file + " is empty; restore it from a backup or, if no token was " + "ever stored, delete it");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token key " + file, e);
        }
    }
}
