package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM running the embedded database is killed with {@code kill -9} (SIGKILL: no shutdown hook runs, so
 * its PostgreSQL is orphaned). The next start on the same data directory must succeed and see the row the
 * dead JVM committed — whether the orphaned PostgreSQL is still running, or was killed too and left a
 * stale {@code postmaster.pid}.
 */
class CrashRecoveryTest {
    @TempDir
    Path dataDir;

    private Process child;

    @AfterEach
    void cleanUp() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void a_start_after_kill_9_stops_the_orphaned_postgres_and_sees_the_committed_row() throws Exception {
        killChildAfterItCommitted("evt-orphan");
        long orphan = postmasterPid();
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                .as("orphaned postgres")
                .isPresent();

        try (Database db = Database.start(DatabaseConfig.embedded(dataDir))) {
            assertThat(new PostgresProcessedEvents(db.jdbi()).isProcessed("evt-orphan"))
                    .isTrue();
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                    .as("orphan stopped")
                    .isEmpty();
        }
    }

    @Test
    void a_start_after_kill_9_of_both_the_jvm_and_postgres_recovers_past_the_stale_pid_file() throws Exception {
        killChildAfterItCommitted("evt-stale");
        long postmaster = postmasterPid();
        ProcessHandle pg = ProcessHandle.of(postmaster).orElseThrow();
        List<ProcessHandle> backends = pg.children().toList();
        new ProcessBuilder("kill", "-9", Long.toString(postmaster)).start().waitFor(5, TimeUnit.SECONDS);
        // It and its auxiliary processes (which notice the postmaster's death) exit; here PID 1 may be slow
        // to reap them, so a zombie counts as gone: it holds no shared memory any more.
        awaitGone(pg);
        for (ProcessHandle backend : backends) {
            awaitGone(backend);
        }
        assertThat(dataDir.resolve("pg/postmaster.pid")).as("stale pid file").exists();

        try (Database db = Database.start(DatabaseConfig.embedded(dataDir))) {
            assertThat(new PostgresProcessedEvents(db.jdbi()).isProcessed("evt-stale"))
                    .isTrue();
        }
    }

    @Test
    void a_pid_file_naming_a_live_process_that_is_not_postgres_is_removed() throws Exception {
        Path pgData = Files.createDirectories(dataDir.resolve("pg"));
        Path pidFile = pgData.resolve("postmaster.pid");
        // Our own pid: alive, and a java process, as after pid reuse in a container.
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + pgData + "\n");

        EmbeddedServer.recoverFromCrash(pgData);

        assertThat(pidFile).doesNotExist();
    }

    private void killChildAfterItCommitted(String eventId) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        child = new ProcessBuilder(
                        java.toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xshare:auto",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dlogback.configurationFile=logback-test.xml",
                        CrashChild.class.getName(),
                        dataDir.toString(),
                        eventId)
                .redirectErrorStream(true)
                .start();
        awaitReady(child, Duration.ofSeconds(60));
        new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor(5, TimeUnit.SECONDS);
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL
    }

    private static void awaitGone(ProcessHandle process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (process.isAlive() && !zombie(process.pid())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("process " + process.pid() + " did not exit");
            }
            Thread.sleep(20);
        }
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true; // gone
        }
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(
                Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).strip());
    }

    private static void awaitReady(Process process, Duration timeout) throws Exception {
        Thread reader = new Thread(() -> {});
        StringBuilder output = new StringBuilder();
        boolean[] ready = {false};
        reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            synchronized (output) {
                                output.append(line).append('\n');
                                if (line.equals("READY")) {
                                    ready[0] = true;
                                    output.notifyAll();
                                }
                            }
                        }
                    } catch (IOException e) {
                        // the child was killed
                    }
                },
                "crash-child-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        synchronized (output) {
            while (!ready[0] && System.currentTimeMillis() < deadline && process.isAlive()) {
                output.wait(200);
            }
            if (!ready[0]) {
                throw new AssertionError("the child never became ready:\n" + output);
            }
        }
    }
}
