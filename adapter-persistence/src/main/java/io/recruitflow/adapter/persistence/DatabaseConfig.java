package io.recruitflow.adapter.persistence;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Recruitflow keeps its state: an embedded PostgreSQL under a data directory (the default, zero
 * set-up), or an external PostgreSQL shared by several instances. Immutable and validated; its
 * {@link #toString()} never shows the password or the secret key.
 *
 * <p>From the environment ({@link #fromEnvironment}):
 * <ul>
 *   <li>{@code RECRUITFLOW_DB_URL} — a {@code jdbc:postgresql:} URL; when absent the embedded server is used;</li>
 *   <li>{@code RECRUITFLOW_DB_USER}, {@code RECRUITFLOW_DB_PASSWORD} — credentials of the external server;</li>
 *   <li>{@code RECRUITFLOW_DATA_DIR} — the embedded server's home (default {@code ./data});</li>
 *   <li>{@code RECRUITFLOW_SECRET_KEY} — base64 of 32 random bytes, the AES key of stored OAuth tokens.
 *       Required with an external server; generated into the data directory in embedded mode.</li>
 * </ul>
 */
public final class DatabaseConfig {
    /** The environment variable names. */
    public static final String ENV_URL = "RECRUITFLOW_DB_URL";

    public static final String ENV_USER = "RECRUITFLOW_DB_USER";
    public static final String ENV_PASSWORD = "RECRUITFLOW_DB_PASSWORD";
    public static final String ENV_DATA_DIR = "RECRUITFLOW_DATA_DIR";
    public static final String ENV_SECRET_KEY = "RECRUITFLOW_SECRET_KEY";
    public static final String ENV_SECRET_KEY_PREVIOUS = "RECRUITFLOW_SECRET_KEY_PREVIOUS";

    /** The default data directory, relative to the working directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    static final int DEFAULT_POOL_SIZE = 10;

    private final Optional<String> url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Path dataDir;
    private final Optional<String> secretKey;
    private final Optional<String> previousSecretKey;
    private final int maximumPoolSize;

    private DatabaseConfig(
            Optional<String> url,
            Optional<String> user,
            Optional<String> password,
            Path dataDir,
            Optional<String> secretKey,
            Optional<String> previousSecretKey,
            int maximumPoolSize) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.secretKey = secretKey;
        this.previousSecretKey = previousSecretKey;
        this.maximumPoolSize = maximumPoolSize;
        url.ifPresent(u -> {
            if (!u.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException(ENV_URL + " must be a jdbc:postgresql: URL");
            }
        });
        if (maximumPoolSize < 2 || maximumPoolSize > 200) {
            throw new IllegalArgumentException("maximum pool size must be within 2..200, was " + maximumPoolSize);
        }
        secretKey.ifPresent(k -> checkKey(k, ENV_SECRET_KEY));
        previousSecretKey.ifPresent(k -> checkKey(k, ENV_SECRET_KEY_PREVIOUS));
        if (previousSecretKey.isPresent() && secretKey.isEmpty() && url.isPresent()) {
            throw new IllegalArgumentException(ENV_SECRET_KEY_PREVIOUS + " is the key before a rotation: it needs "
                    + ENV_SECRET_KEY + ", the new one");
        }
    }

    /** An embedded PostgreSQL whose data lives under {@code dataDir} and survives restarts. */
    public static DatabaseConfig embedded(Path dataDir) {
        return new DatabaseConfig(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                dataDir,
                Optional.empty(),
                Optional.empty(),
                DEFAULT_POOL_SIZE);
    }

    /** An external PostgreSQL, migrated at start. */
    public static DatabaseConfig external(String url, String user, String password) {
        Objects.requireNonNull(url, "url");
        return new DatabaseConfig(
                Optional.of(url.strip()),
                Optional.ofNullable(user),
                Optional.ofNullable(password),
                DEFAULT_DATA_DIR,
                Optional.empty(),
                Optional.empty(),
                DEFAULT_POOL_SIZE);
    }

    /** The configuration the environment describes (see the class comment). */
    public static DatabaseConfig fromEnvironment(Map<String, String> env) {
        Optional<String> url = nonBlank(env.get(ENV_URL));
        Path dataDir = nonBlank(env.get(ENV_DATA_DIR)).map(Path::of).orElse(DEFAULT_DATA_DIR);
        DatabaseConfig config = url.isPresent()
                ? new DatabaseConfig(
                        url,
                        nonBlank(env.get(ENV_USER)),
                        Optional.ofNullable(env.get(ENV_PASSWORD)),
                        dataDir,
                        Optional.empty(),
                        Optional.empty(),
                        DEFAULT_POOL_SIZE)
                : embedded(dataDir);
        config = nonBlank(env.get(ENV_SECRET_KEY)).map(config::withSecretKey).orElse(config);
        return nonBlank(env.get(ENV_SECRET_KEY_PREVIOUS))
                .map(config::withPreviousSecretKey)
                .orElse(config);
    }

    /** The same configuration with this token encryption key (base64 of 32 bytes). */
    public DatabaseConfig withSecretKey(String base64Key) {
        return new DatabaseConfig(
                url, user, password, dataDir, Optional.of(base64Key.strip()), previousSecretKey, maximumPoolSize);
    }

    /**
     * The same configuration with the key before a rotation (base64 of 32 bytes): it still decrypts, and what it
     * decrypts is encrypted again with the current key at start.
     */
    public DatabaseConfig withPreviousSecretKey(String base64Key) {
        return new DatabaseConfig(
                url, user, password, dataDir, secretKey, Optional.of(base64Key.strip()), maximumPoolSize);
    }

    /** The same configuration with this many pooled connections at most. */
    public DatabaseConfig withMaximumPoolSize(int size) {
        return new DatabaseConfig(url, user, password, dataDir, secretKey, previousSecretKey, size);
    }

    /** Whether Recruitflow runs its own PostgreSQL. */
    public boolean embedded() {
        return url.isEmpty();
    }

    public Optional<String> url() {
        return url;
    }

    public Optional<String> user() {
        return user;
    }

    Optional<String> password() {
        return password;
    }

    public Path dataDir() {
        return dataDir;
    }

    Optional<String> secretKey() {
        return secretKey;
    }

    Optional<String> previousSecretKey() {
        return previousSecretKey;
    }

    public int maximumPoolSize() {
        return maximumPoolSize;
    }

    private static void checkKey(String base64, String variable) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            // Never echo the value: it is a secret.
            throw new IllegalArgumentException(variable + " is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(
                    variable + " must be the base64 of 32 bytes, was " + key.length + " bytes");
        }
    }

    /** The URL with any password masked (a {@code password=} parameter, a {@code user:pass@}), for logs. */
    String maskedUrl() {
        return url.map(u -> u.replaceAll("(?i)(password=)[^&;]*", "$1***")
                        .replaceAll("(//[^/?#@:\\s]*:)[^/?#@\\s]*@", "$1***@"))
                .orElse("embedded");
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    @Override
    public String toString() {
        return embedded()
                ? "DatabaseConfig[embedded, dataDir=" + dataDir + ", secretKey="
                        + (secretKey.isPresent() ? "***" : "generated")
                        + (previousSecretKey.isPresent() ? ", previousSecretKey=***" : "") + ", pool="
                        + maximumPoolSize + "]"
                : "DatabaseConfig[external, url=" + maskedUrl() + ", user=" + user.orElse("") + ", password="
                        + (password.isPresent() ? "***" : "none") + ", secretKey="
                        + (secretKey.isPresent() ? "***" : "none")
                        + (previousSecretKey.isPresent() ? ", previousSecretKey=***" : "")
                        + ", pool=" + maximumPoolSize + "]";
    }
}
