package io.recruitflow.adapter.webhook;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A request body read up to a limit: the first {@code max} bytes come through, and a read past them fails
 * with an {@link IOException} (never a quiet end of the stream, which would hand a reader a cut-off last record
 * as if it were whole). {@link #exceeded()} then says the limit was hit, so the route can answer 413.
 */
final class BoundedBody extends FilterInputStream {
    private final long max;
    private long read;
    private boolean exceeded;

    BoundedBody(InputStream in, long max) {
        super(in);
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        this.max = max;
    }

    /** Whether the body went on past the limit. */
    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (exceeded) {
            throw tooLarge();
        }
        if (len == 0) {
            return 0;
        }
        if (read >= max) {
            // At the limit: the body is whole if it ends here, too large if one more byte comes.
            if (in.read() < 0) {
                return -1;
            }
            exceeded = true;
            throw tooLarge();
        }
        int n = in.read(b, off, (int) Math.min(len, max - read));
        if (n > 0) {
            read += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), Math.max(0, max - read));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** Reads and drops what is left of {@code in}, for at most {@code maxBytes} and {@code maxTime}. */
    static void drain(InputStream in, long maxBytes, Duration maxTime) throws IOException {
        byte[] sink = new byte[8192];
        long left = maxBytes;
        long deadline = System.nanoTime() + maxTime.toNanos();
        int n;
        while (left > 0
                && System.nanoTime() < deadline
                && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
            left -= n;
        }
    }

    private IOException tooLarge() {
        return new IOException("the upload is larger than " + max + " bytes");
    }
}
