package io.recruitflow.adapter.webhook;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drives the system's headless Chromium as a plain process (no browser library): {@code --dump-dom} for
 * the DOM after load, {@code --screenshot} for a PNG. Each run gets a fresh profile directory, is bounded
 * by a timeout, and has its whole process tree killed if it overruns.
 *
 * <p>Credentials go in the URL's user info ({@code http://admin:TOKEN@127.0.0.1:PORT/}): headless Chromium
 * requests the page without them, and on the 401 with a {@code Basic} challenge repeats the request with
 * {@code Authorization: Basic} built from them — as a person's browser does after its prompt. Without
 * credentials (or with wrong ones) headless Chromium does not prompt: the load fails with
 * {@code net::ERR_INVALID_AUTH_CREDENTIALS} in its log and the dumped DOM is empty.
 */
public final class HeadlessChromium {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** The first Chromium on the PATH, if any. */
    public static Optional<HeadlessChromium> find() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(new HeadlessChromium(candidate));
                }
            }
        }
        return Optional.empty();
    }

    /** The browser's executable. */
    public Path executable() {
        return executable;
    }

    /** What a run printed: the DOM on stdout, Chromium's own log (credentials in URLs masked). */
    public record Output(String stdout, String log) {}

    /** The serialized DOM once the page has loaded. */
    public String dumpDom(String url) {
        return dumpDomWithLog(url).stdout();
    }

    public Output dumpDomWithLog(String url) {
        return run(List.of("--dump-dom", url), null);
    }

    /** Saves a PNG of the page at {@code width}×{@code height} CSS pixels. */
    public void screenshot(String url, Path png, int width, int height) {
        run(
                List.of(
                        "--hide-scrollbars",
                        "--window-size=" + width + "," + height,
                        "--screenshot=" + png.toAbsolutePath(),
                        url),
                png);
    }

    private Output run(List<String> args, Path expectedFile) {
        Path profile = null;
        Path out = null;
        Path err = null;
        Process process = null;
        try {
            profile = Files.createTempDirectory("rf-chromium-profile");
            out = Files.createTempFile("rf-chromium", ".out");
            err = Files.createTempFile("rf-chromium", ".err");
            List<String> command = new ArrayList<>(List.of(
                    executable.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile));
            command.addAll(args);
            // Output to files: a browser that fills a pipe nobody reads would hang until the timeout.
            process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        "chromium did not finish within " + TIMEOUT + "; killed. stderr: " + tail(err));
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || (expectedFile != null && !Files.isRegularFile(expectedFile))) {
                throw new IllegalStateException("chromium exited " + process.exitValue() + ". stderr: " + tail(err));
            }
            return new Output(stdout, tail(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chromium ran", e);
        } finally {
            if (process != null) {
                killTree(process.toHandle());
            }
            deleteQuietly(profile);
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Children first (renderers, zygote, GPU process), then the browser itself. */
    private static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
        try {
            root.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // best effort: it was sent SIGKILL
        }
    }

    private static String tail(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        s = s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        return s.replaceAll("//[^/@\\s]+@", "//***@"); // never echo credentials from a logged URL
    }

    private static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
