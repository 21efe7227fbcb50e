package io.recruitflow.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 100,000-row lead file imported into the embedded PostgreSQL ({@code fsync} on), each run in a JVM of its own
 * with {@code -Xmx256m} ({@link BigImportRun}): rows accepted per second (target ≥ 5,000), PostgreSQL
 * transactions and WAL syncs per row, and the peak used heap (bound 256 MB: the run would fail with an
 * OutOfMemoryError above it). No job worker runs, so no GHL call is made: this is acceptance alone. One row in a
 * hundred repeats the email of the row before it (so, the same batch), and must come back as known.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbench -pl bootstrap -am -Dtest=BigImportBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.import.rows=N}, default 100,000;
 * {@code -Dbench.import.repeats=N}, default 3; {@code -Dbench.import.jvmArgs='...'} adds options to the measured JVM,
 * such as {@code -XX:StartFlightRecording=filename=/tmp/import.jfr}).
 */
@Tag("bench")
class BigImportBenchmarkTest {
    private static final int ROWS = Integer.getInteger("bench.import.rows", 100_000);
    private static final int REPEATS = Integer.getInteger("bench.import.repeats", 3);
    private static final String HEAP = "256m";
    private static final double TARGET_ROWS_PER_SECOND = 5_000;
    private static final double HEAP_BOUND = 256.0 * 1024 * 1024;

    record Run(
            int rows,
            int accepted,
            int known,
            int rejected,
            double seconds,
            long commits,
            long walSyncs,
            long peakHeapSampled,
            long peakHeapPools) {
        double rowsPerSecond() {
            return rows / seconds;
        }

        double commitsPerRow() {
            return commits / (double) rows;
        }

        double walSyncsPerRow() {
            return walSyncs / (double) rows;
        }
    }

    @Test
    void aHundredThousandRowsStreamIntoPostgres() throws Exception {
        Path work = Files.createTempDirectory("recruitflow-big-import");
        Path file = work.resolve("leads.csv");
        int duplicates = write(file, ROWS);
        System.out.printf(
                "%nBig import benchmark: %d rows (%d repeating the row before), %.1f MB, -Xmx%s, %d repeat(s), %d cores,"
                        + " load average %.1f%n",
                ROWS,
                duplicates,
                Files.size(file) / 1e6,
                HEAP,
                REPEATS,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        List<Run> runs = new ArrayList<>();
        for (int i = 1; i <= REPEATS; i++) {
            Run run = fork(file, work.resolve("data-" + i));
            runs.add(run);
            System.out.printf(
                    "run %d: %,d rows in %.2f s = %,.0f rows/s (%.2f× the 5,000/s target); %d accepted, %d known, %d"
                            + " rejected; %.4f transactions and %.4f WAL syncs per row; peak heap %.1f MB sampled, %.1f"
                            + " MB pool peaks (%.2f× 256 MB); load %.1f%n",
                    i,
                    run.rows(),
                    run.seconds(),
                    run.rowsPerSecond(),
                    run.rowsPerSecond() / TARGET_ROWS_PER_SECOND,
                    run.accepted(),
                    run.known(),
                    run.rejected(),
                    run.commitsPerRow(),
                    run.walSyncsPerRow(),
                    run.peakHeapSampled() / 1048576.0,
                    run.peakHeapPools() / 1048576.0,
                    run.peakHeapPools() / HEAP_BOUND,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
        double rate = median(runs, Run::rowsPerSecond);
        double heap = median(runs, r -> r.peakHeapPools());
        System.out.printf(
                "median of %d: %,.0f rows/s = %.2f× target; %.4f transactions, %.4f WAL syncs per row; peak heap %.1f MB"
                        + " = %.2f× 256 MB%n",
                runs.size(),
                rate,
                rate / TARGET_ROWS_PER_SECOND,
                median(runs, Run::commitsPerRow),
                median(runs, Run::walSyncsPerRow),
                heap / 1048576.0,
                heap / HEAP_BOUND);
        for (Run run : runs) {
            assertThat(run.rows()).isEqualTo(ROWS);
            assertThat(run.known()).as("rows repeating the row before").isEqualTo(duplicates);
            assertThat(run.accepted()).as("new leads").isEqualTo(ROWS - duplicates);
            assertThat(run.rejected()).isZero();
        }
        assertThat(rate).as("rows accepted per second, median").isGreaterThanOrEqualTo(TARGET_ROWS_PER_SECOND);
        assertThat(heap).as("peak used heap, median").isLessThan(HEAP_BOUND);
    }

    /** Writes the file row by row (never whole in memory); returns how many rows repeat the row before. */
    static int write(Path file, int rows) throws IOException {
        String[] areas = {"212", "305", "312", "415", "512", "602", "617", "713", "404", "206"};
        String[] types = {"Life", "Health", "Life;Health", "Life;Annuity"};
        String[] states = {"TX", "CA", "NY", "IL", "AZ", "GA", "WA", "CO", "NV", "OH"};
        int duplicates = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("First Name,Last Name,Email,Phone,License State,License Number,License Type\n");
            int person = 0;
            for (int row = 0; row < rows; row++) {
                boolean repeat = row % 100 == 99;
                int p = repeat ? person - 1 : person++;
                // +1 AAA EEE-LLLL: exchanges 234..989 (never N11 or 555), a distinct number per person.
                int exchange = 234 + (p / 10_000) % 700;
                if (exchange % 100 == 11 || exchange == 555) {
                    exchange += 1;
                }
                String phone =
                        "+1" + areas[(p / 7_000_000) % areas.length] + exchange + String.format("%04d", p % 10_000);
                String email = "agent." + p + "@example.com";
                // A repeat has the same email and phone as the row before: known by both.
                out.write("Agent,N" + p + "," + email + "," + phone + "," + states[p % states.length] + ",W"
                        + (100000 + p % 900000) + ",\"" + types[p % types.length] + "\"\n");
                if (repeat) {
                    duplicates++;
                }
            }
        }
        return duplicates;
    }

    private static Run fork(Path file, Path dataDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + HEAP));
        String extra = System.getProperty("bench.import.jvmArgs", "").strip(); // e.g. a Flight Recorder profile
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                BigImportRun.class.getName(),
                file.toString(),
                dataDir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder tail = new StringBuilder();
        try (var lines = process.inputReader().lines()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                } else if (line.contains("rror") || line.contains("xception")) {
                    tail.append(line).append('\n');
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || result == null) {
            process.destroyForcibly();
            throw new AssertionError("the import run gave no result (exit " + process.exitValue() + "):\n" + tail);
        }
        Map<String, String> v = new HashMap<>();
        Stream.of(result.substring("RESULT ".length()).split(" "))
                .map(kv -> kv.split("=", 2))
                .forEach(kv -> v.put(kv[0], kv[1]));
        return new Run(
                Integer.parseInt(v.get("rows")),
                Integer.parseInt(v.get("accepted")),
                Integer.parseInt(v.get("known")),
                Integer.parseInt(v.get("rejected")),
                Double.parseDouble(v.get("seconds")),
                Long.parseLong(v.get("commits")),
                Long.parseLong(v.get("walSyncs")),
                Long.parseLong(v.get("peakHeapSampled")),
                Long.parseLong(v.get("peakHeapPools")));
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> f) {
        double[] values = runs.stream().mapToDouble(f).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
