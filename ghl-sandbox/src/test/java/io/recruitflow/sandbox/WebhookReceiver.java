package io.recruitflow.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** A webhook endpoint on loopback that records what it receives and answers a chosen status. */
final class WebhookReceiver implements AutoCloseable {
    /** One received delivery: the exact body bytes and the signature headers. */
    record Received(byte[] body, String ghlSignature, String whSignature, Map<String, Object> json) {
        String type() {
            return (String) json.get("type");
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Received> all = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> consumed = new java.util.HashMap<>();
    private volatile IntSupplier status = () -> 200;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            @SuppressWarnings("unchecked")
            Map<String, Object> json =
                    (Map<String, Object>) Json.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            Received r = new Received(
                    body,
                    exchange.getRequestHeaders().getFirst("X-GHL-Signature"),
                    exchange.getRequestHeaders().getFirst("x-wh-signature"),
                    json);
            all.add(r);
            received.add(r);
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    void answer(IntSupplier status) {
        this.status = status;
    }

    /**
     * The next delivery of this event type not returned before (others stay available); fails after
     * 20 s (generous: the first webhook of a JVM waits for its 4096-bit RSA key on a busy machine).
     */
    synchronized Received next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int wanted = consumed.merge(type, 1, Integer::sum);
        while (System.nanoTime() < deadline) {
            List<Received> ofType =
                    all.stream().filter(r -> type.equals(r.type())).toList();
            if (ofType.size() >= wanted) {
                return ofType.get(wanted - 1);
            }
            received.poll(20, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("no " + type + " webhook within 20 s; got "
                + all.stream().map(Received::type).toList());
    }

    List<Received> all() {
        return List.copyOf(all);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
