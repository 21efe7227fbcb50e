package io.recruitflow.adapter.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A POST over a raw loopback socket whose body is made while it is sent, so that a test can send hundreds of
 * megabytes without holding them, and read the answer while the body is still going (the JDK's client waits
 * for the whole body first). Counts what it managed to send before the server answered and closed.
 */
public final class StreamingUpload {

    /**
     * The answer: status, body, how much of the body had gone out when the answer came (the server read at most
     * that), and how long the answer took.
     */
    public record Answer(int status, String body, long bytesSent, Duration elapsed) {}

    /** What to send after {@code head}: {@code fill} repeated, up to {@code total} bytes in all. */
    public static Answer post(
            int port,
            String path,
            String headers,
            boolean chunked,
            byte[] head,
            byte[] fill,
            long total,
            Duration timeout)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            String request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + headers
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + total + "\r\n") + "\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(
                    () -> {
                        try {
                            byte[] chunk = new byte[64 * 1024];
                            int fillAt = 0;
                            while (sent.get() < total) {
                                int n = (int) Math.min(chunk.length, total - sent.get());
                                for (int i = 0; i < n; i++) {
                                    long at = sent.get() + i;
                                    if (at < head.length) {
                                        chunk[i] = head[(int) at];
                                    } else {
                                        chunk[i] = fill[fillAt];
                                        fillAt = (fillAt + 1) % fill.length;
                                    }
                                }
                                if (chunked) {
                                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                                }
                                out.write(chunk, 0, n);
                                if (chunked) {
                                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                                }
                                sent.addAndGet(n);
                            }
                            if (chunked) {
                                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                            }
                            out.flush();
                        } catch (IOException closedByTheServer) {
                            // expected when the server answers early and closes
                        }
                    },
                    "streaming-upload");
            writer.setDaemon(true);
            writer.start();
            Answer answer = readAnswer(socket.getInputStream(), sent, started);
            socket.close(); // stops the writer, if it still writes
            writer.join(timeout.toMillis());
            return answer;
        }
    }

    private static Answer readAnswer(InputStream in, AtomicLong sent, long started) throws IOException {
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed without an answer after " + sent.get() + " bytes");
            }
            headerBytes.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        long sentAtAnswer = sent.get();
        String header = headerBytes.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(header.substring(9, 12));
        String lower = header.toLowerCase(Locale.ROOT);
        byte[] body;
        int at = lower.indexOf("\r\ncontent-length:");
        if (at >= 0) {
            int eol = lower.indexOf("\r\n", at + 2);
            int length = Integer.parseInt(header.substring(at + 17, eol).strip());
            body = in.readNBytes(length);
        } else if (lower.contains("transfer-encoding: chunked")) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                int n = Integer.parseInt(size.strip(), 16);
                if (n == 0) {
                    break;
                }
                b.write(in.readNBytes(n));
                line(in);
            }
            body = b.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, new String(body, StandardCharsets.UTF_8), sentAtAnswer, elapsed);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    /** Bytes of {@code text} in UTF-8. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private StreamingUpload() {}
}
