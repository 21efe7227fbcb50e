package io.recruitflow.bootstrap.dashboard;

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
 * The system's headless Chromium run as a plain process: {@code --dump-dom} or {@code --screenshot}, a
 * fresh profile per run, bounded by a timeout that kills the whole process tree. Credentials travel in the
 * URL's user info: on the dashboard's Basic challenge Chromium repeats the request with them.
 */
final class Chromium {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    static Optional<Chromium> onPath() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)) {
                Path candidate = dir.isBlank() ? null : Path.of(dir, name);
                if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(new Chromium(candidate));
                }
            }
        }
        return Optional.empty();
    }

    String dumpDom(String url) {
        return run(List.of("--dump-dom", url));
    }

    void screenshot(String url, Path png, int width, int height) {
        run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                url));
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("chromium wrote no screenshot");
        }
    }

    private String run(List<String> args) {
        Path profile = null;
        Path out = null;
        Path err = null;
        Process process = null;
        try {
            profile = Files.createTempDirectory("rf-chromium-profile");
            out = Files.createTempFile("rf-chromium", ".out");
            err = Files.createTempFile("rf-chromium", ".err");
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
            command.addAll(args);
            process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("chromium did not finish within " + TIMEOUT + "; killed");
            }
            if (process.exitValue() != 0) {
                String log = Files.readString(err, StandardCharsets.UTF_8);
                log = log.substring(Math.max(0, log.length() - 2000)).replaceAll("//[^/@\\s]+@", "//***@");
                throw new IllegalStateException("chromium exited " + process.exitValue() + ": " + log);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chromium ran", e);
        } finally {
            if (process != null) { // renderers and zygote first, then the browser
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            for (Path p : new Path[] {profile, out, err}) {
                delete(p);
            }
        }
    }

    private static void delete(Path path) {
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
