package io.recruitflow.adapter.leadfile;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;

/**
 * The text between the CSV reader and the file, cut off when one record runs too long. Commons CSV has no limit
 * of its own: a quote that is never closed makes the rest of the file one field, which it would gather in memory
 * whole. The lead file tells this reader where each record ends ({@link #recordRead()}); when more than the limit
 * (plus what the CSV reader buffers ahead, {@link #READ_AHEAD}) has been read since, the next read fails with
 * a {@link RecordTooLongException}, which ends the file with an unreadable row naming it. Memory stays bounded by
 * the limit whatever the file holds.
 */
final class RecordLimit extends Reader {
    /** Commons CSV reads ahead through a buffer of this many characters. */
    static final int READ_AHEAD = 8192;

    private final Reader in;
    private final int maxRecordLength;
    private long read;
    private long recordStart;

    RecordLimit(Reader in, int maxRecordLength) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxRecordLength < 1) {
            throw new IllegalArgumentException("maxRecordLength must be positive");
        }
        this.maxRecordLength = maxRecordLength;
    }

    /** The CSV reader handed out a record: the next one starts at most {@link #READ_AHEAD} characters back. */
    void recordRead() {
        recordStart = read;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        long allowed = recordStart + maxRecordLength + READ_AHEAD - read;
        if (allowed <= 0) {
            throw new RecordTooLongException(maxRecordLength);
        }
        return countRead(in.read(cbuf, off, (int) Math.min(len, allowed)));
    }

    private int countRead(int n) {
        if (n > 0) {
            read += n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** One record is longer than the limit: most likely a quote that is never closed. */
    static final class RecordTooLongException extends IOException {
        RecordTooLongException(int maxRecordLength) {
            super("it is longer than " + maxRecordLength + " characters, the most a row may have: "
                    + "a quote that is never closed?");
        }
    }
}
