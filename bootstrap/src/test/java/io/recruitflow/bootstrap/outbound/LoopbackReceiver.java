package io.recruitflow.bootstrap.outbound;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A real HTTP receiver on loopback that can be down (nothing listening on its port: connections are refused) and
 * up again on the same port. Each delivery is verified with {@link StandardWebhooksVerifier} at the simulated now;
 * a bad one is answered 400 and kept apart.
 */
public final class LoopbackReceiver implements AutoCloseable {
    public record Received(String id, String timestamp, String signature, String body) {}

    private final int port;
    private final StandardWebhooksVerifier verifier;
    private final Supplier<Instant> now;
    private final List<Received> received = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private HttpServer server;
    private int status = 204;

    public LoopbackReceiver(String secret, Supplier<Instant> now) {
        this.verifier = new StandardWebhooksVerifier(secret);
        this.now = now;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/hooks/recruitflow");
    }

    synchronized void answer(int status) {
        this.status = status;
    }

    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/recruitflow", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String ts = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String sig = exchange.getRequestHeaders().getFirst("webhook-signature");
            int answer;
            synchronized (this) {
                try {
                    verifier.verify(id, ts, sig, body, now.get());
                    received.add(new Received(id, ts, sig, new String(body, java.nio.charset.StandardCharsets.UTF_8)));
                    answer = status;
                } catch (StandardWebhooksVerifier.VerificationException e) {
                    rejected.add(id + ": " + e.getMessage());
                    answer = 400;
                }
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public synchronized List<String> rejected() {
        return List.copyOf(rejected);
    }

    @Override
    public void close() {
        down();
    }
}
