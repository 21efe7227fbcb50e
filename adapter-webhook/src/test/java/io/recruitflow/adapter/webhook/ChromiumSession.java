package io.recruitflow.adapter.webhook;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One headless Chromium kept running across several page loads, driven over the DevTools protocol (the
 * JDK's WebSocket, no browser library). Unlike {@link HeadlessChromium}'s one-shot {@code --dump-dom}, the
 * browser keeps its state between navigations — its HTTP authentication cache above all — so a test can
 * sign in to one origin and then visit another page, as a person does.
 */
final class ChromiumSession implements AutoCloseable {

    private static final JsonAdapter<Map<String, Object>> JSON =
            new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
    private static final JsonAdapter<List<Map<String, Object>>> TARGETS = new Moshi.Builder()
            .build()
            .adapter(Types.newParameterizedType(
                    List.class, Types.newParameterizedType(Map.class, String.class, Object.class)));

    private final Process process;
    private final Path profile;
    private final Messages messages;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();

    private ChromiumSession(Process process, Path profile, Messages messages, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.messages = messages;
        this.socket = socket;
    }

    /** Starts Chromium at {@code about:blank} and attaches to its page. */
    static ChromiumSession start(Path executable) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("rf-chromium-session");
        Process process = new ProcessBuilder(List.of(
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
                        "--remote-debugging-address=127.0.0.1",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "about:blank"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            // Chromium writes the port it bound into DevToolsActivePort in the profile directory.
            Path active = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + HeadlessChromium.TIMEOUT.toNanos();
            while (!Files.isRegularFile(active) || Files.readAllLines(active).isEmpty()) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("chromium did not open its DevTools port");
                }
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readAllLines(active).get(0).strip());
            Messages messages = new Messages();
            WebSocket socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(URI.create(pageSocket(port)), messages)
                    .get(10, TimeUnit.SECONDS);
            ChromiumSession session = new ChromiumSession(process, profile, messages, socket);
            session.call("Page.enable", Map.of());
            session.call("Network.enable", Map.of());
            return session;
        } catch (IOException | InterruptedException | RuntimeException e) {
            kill(process);
            delete(profile);
            throw e;
        } catch (Exception e) {
            kill(process);
            delete(profile);
            throw new IllegalStateException("could not attach to chromium", e);
        }
    }

    private static String pageSocket(int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (Map<String, Object> target : TARGETS.fromJson(r.body())) {
                if ("page".equals(target.get("type"))) {
                    return (String) target.get("webSocketDebuggerUrl");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("chromium shows no page target: " + r.body());
            }
            Thread.sleep(50);
        }
    }

    /** What the browser sent: answers to commands by id, events in order. */
    private static final class Messages implements WebSocket.Listener {
        final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
        final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                receive(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void receive(String text) {
            Map<String, Object> message;
            try {
                message = JSON.fromJson(text);
            } catch (IOException e) {
                return;
            }
            if (message == null) {
                return;
            }
            if (message.get("id") instanceof Number n) {
                CompletableFuture<Map<String, Object>> f = pending.remove(n.intValue());
                if (f != null) {
                    f.complete(message);
                }
            } else {
                events.add(message);
            }
        }
    }

    /** Sends a DevTools command and waits for its answer's {@code result}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        messages.pending.put(id, answer);
        socket.sendText(JSON.toJson(Map.of("id", id, "method", method, "params", params)), true);
        try {
            Map<String, Object> message = answer.get(HeadlessChromium.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (message.containsKey("error")) {
                throw new IllegalStateException(method + " failed: " + message.get("error"));
            }
            return (Map<String, Object>) message.getOrDefault("result", Map.of());
        } catch (Exception e) {
            throw new IllegalStateException(method + " got no answer", e);
        }
    }

    /** Loads {@code url} in the page and waits for its load event. */
    void navigate(String url) {
        int seen = messages.events.size();
        call("Page.navigate", Map.of("url", url));
        awaitEvent(seen, e -> "Page.loadEventFired".equals(e.get("method")));
    }

    /** Every DevTools event received so far, in order. */
    List<Map<String, Object>> events() {
        return new ArrayList<>(messages.events);
    }

    /** Waits until an event after the first {@code from} matches, and returns it. */
    Map<String, Object> awaitEvent(int from, Predicate<Map<String, Object>> match) {
        long deadline = System.nanoTime() + HeadlessChromium.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> all = messages.events;
            for (int i = from; i < all.size(); i++) {
                if (match.test(all.get(i))) {
                    return all.get(i);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no matching DevTools event within " + HeadlessChromium.TIMEOUT);
    }

    /** The statuses of the responses the browser received for {@code url}, in order. */
    List<Integer> statusesOf(String url) {
        List<Integer> statuses = new ArrayList<>();
        for (Map<String, Object> e : events()) {
            if (isResponseFor(e, url)) {
                statuses.add(status(params(e)));
            }
        }
        return statuses;
    }

    /** Waits for the browser's response to {@code url} after event {@code from}; its event's params. */
    Map<String, Object> awaitResponse(int from, String url) {
        return params(awaitEvent(from, e -> isResponseFor(e, url)));
    }

    /** The headers the browser really sent (cached credentials included) with its request to {@code url}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> requestHeaders(int from, String url) {
        Map<String, Object> sent = params(awaitEvent(
                from,
                e -> "Network.requestWillBeSent".equals(e.get("method"))
                        && url.equals(withoutUserInfo(
                                (String) ((Map<String, Object>) params(e).get("request")).get("url")))));
        Object requestId = sent.get("requestId");
        Map<String, Object> extra = params(awaitEvent(
                from,
                e -> "Network.requestWillBeSentExtraInfo".equals(e.get("method"))
                        && requestId.equals(params(e).get("requestId"))));
        return (Map<String, Object>) extra.get("headers");
    }

    /** Chromium reports a URL as it was typed, credentials included; the tests name URLs without them. */
    private static String withoutUserInfo(String url) {
        return url == null ? null : url.replaceFirst("^(\\w+://)[^/@]*@", "$1");
    }

    @SuppressWarnings("unchecked")
    static int status(Map<String, Object> responseReceived) {
        return ((Number) ((Map<String, Object>) responseReceived.get("response")).get("status")).intValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(Map<String, Object> event) {
        return (Map<String, Object>) event.getOrDefault("params", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static boolean isResponseFor(Map<String, Object> event, String url) {
        return "Network.responseReceived".equals(event.get("method"))
                && url.equals(withoutUserInfo(
                        (String) ((Map<String, Object>) params(event).get("response")).get("url")));
    }

    @Override
    public void close() {
        try {
            socket.abort();
        } finally {
            kill(process);
            delete(profile);
        }
    }

    private static void kill(Process process) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
