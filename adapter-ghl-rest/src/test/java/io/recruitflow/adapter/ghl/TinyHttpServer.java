package io.recruitflow.adapter.ghl;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A minimal keep-alive HTTP/1.1 server on loopback for the benchmarks. MockWebServer writes headers and body
 * separately without TCP_NODELAY, so each keep-alive request waits for a delayed ACK (~40 ms); this one
 * writes each response in a single write on a no-delay socket. Requests are answered by {@code handler}
 * from the request line ({@code "GET /contacts/c1"}).
 */
final class TinyHttpServer implements AutoCloseable {
    /** A response: status and JSON body, plus extra header lines. */
    record Answer(int status, byte[] body, String extraHeaders) {}

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tiny-http");
        t.setDaemon(true);
        return t;
    });

    TinyHttpServer(Function<String, Answer> handler) throws IOException {
        socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    s.setTcpNoDelay(true);
                    threads.execute(() -> serve(s, handler));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    private static void serve(Socket s, Function<String, Answer> handler) {
        try (s;
                InputStream in = new BufferedInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                int length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                in.readNBytes(length);
                Answer a = handler.apply(head.substring(0, head.indexOf(' ', head.indexOf(' ') + 1)));
                byte[] headers = ("HTTP/1.1 " + a.status() + " X\r\nContent-Type: application/json\r\nContent-Length: "
                                + a.body().length + "\r\n" + a.extraHeaders() + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                byte[] all = new byte[headers.length + a.body().length];
                System.arraycopy(headers, 0, all, 0, headers.length);
                System.arraycopy(a.body(), 0, all, headers.length, a.body().length);
                out.write(all);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            buf.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1
                    : 0;
        }
        return buf.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
