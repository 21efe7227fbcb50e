package io.recruitflow.adapter.leadfile;

import io.recruitflow.application.importleads.LeadFileEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The text of a lead file, in whichever encoding it came, read as a stream:
 *
 * <ol>
 *   <li>a byte-order mark says it: UTF-8, UTF-16LE or UTF-16BE (the mark itself is not part of the text);
 *   <li>else ASCII bytes are read as they are (every candidate encoding reads them alike) up to the first byte
 *       that is not ASCII; from there up to {@value #LOOKAHEAD} bytes are decoded as strict UTF-8: when they are
 *       valid, the file is UTF-8, else it is Windows-1252, what Excel's "CSV (Comma delimited)" writes;
 *   <li>a file that has only ASCII characters is {@link LeadFileEncoding#ASCII}.
 * </ol>
 *
 * <p>The JDK's decoders do the decoding, with {@link CodingErrorAction#REPORT}: a byte that the chosen
 * encoding does not define (a UTF-8 file that turns out to be broken later on, or one of the five bytes
 * Windows-1252 leaves undefined) is a {@link CharacterCodingException}, never a silent "J?rgen". The text
 * before such a byte is handed out first and the exception comes with the next read, so the rows before it
 * are read. A NUL byte before the encoding is known means the file is not text (or is UTF-16 without a
 * byte-order mark) and is an {@link IOException} saying so. The file is never read whole: memory stays constant
 * whatever its size.
 */
final class DecodedText extends Reader {
    /** How many bytes from the first non-ASCII one decide between UTF-8 and Windows-1252. */
    static final int LOOKAHEAD = 64 * 1024;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final PushbackInputStream in;
    private final byte[] chunk = new byte[8192];
    private LeadFileEncoding encoding;
    /** Once the encoding is known: its decoder, and the bytes read but not decoded yet. */
    private CharsetDecoder decoder;

    private ByteBuffer pending;
    private boolean atEnd;
    private boolean finished;
    private CharacterCodingException failure;

    private DecodedText(PushbackInputStream in, LeadFileEncoding encoding) {
        this.in = in;
        if (encoding != null) {
            decodeFrom(encoding, new byte[0], 0);
        }
    }

    /** Reads the byte-order mark, if any; the rest is decoded as it is read. */
    static DecodedText of(InputStream input) throws IOException {
        Objects.requireNonNull(input, "input");
        PushbackInputStream in = new PushbackInputStream(input, 3);
        byte[] head = in.readNBytes(3);
        int n = head.length;
        if (n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new DecodedText(in, LeadFileEncoding.UTF_8_BOM);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            in.unread(head, 2, n - 2);
            return new DecodedText(in, LeadFileEncoding.UTF_16LE);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            in.unread(head, 2, n - 2);
            return new DecodedText(in, LeadFileEncoding.UTF_16BE);
        }
        in.unread(head, 0, n);
        return new DecodedText(in, null);
    }

    /** The encoding: known from the byte-order mark or the first non-ASCII byte; ASCII until then. */
    LeadFileEncoding encoding() {
        return encoding == null ? LeadFileEncoding.ASCII : encoding;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        if (decoder != null) {
            return decode(cbuf, off, len);
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(chunk, 0, Math.min(len, chunk.length));
        if (n <= 0) {
            return n;
        }
        int ascii = 0;
        while (ascii < n && chunk[ascii] >= 0) {
            if (chunk[ascii] == 0) {
                throw new IOException("it has NUL bytes: it is not a text file, or it is UTF-16 without a "
                        + "byte-order mark (save it as \"CSV UTF-8\")");
            }
            cbuf[off + ascii] = (char) chunk[ascii];
            ascii++;
        }
        if (ascii == n) {
            return n;
        }
        decide(n - ascii, ascii);
        return ascii > 0 ? ascii : decode(cbuf, off, len);
    }

    /** Decides the encoding on the bytes from the first non-ASCII one on, and decodes from there. */
    private void decide(int length, int from) throws IOException {
        byte[] start = new byte[LOOKAHEAD];
        System.arraycopy(chunk, from, start, 0, length);
        int more = in.readNBytes(start, length, LOOKAHEAD - length);
        int total = length + more;
        boolean atEnd = total < LOOKAHEAD;
        decodeFrom(
                validUtf8(start, total, atEnd) ? LeadFileEncoding.UTF_8 : LeadFileEncoding.WINDOWS_1252, start, total);
    }

    private void decodeFrom(LeadFileEncoding known, byte[] start, int length) {
        encoding = known;
        decoder = decoder(known);
        pending = ByteBuffer.allocate(Math.max(LOOKAHEAD, 8192));
        pending.put(start, 0, length).flip();
    }

    /**
     * Decodes into {@code cbuf}; a decoding error after some text is thrown by the next call. Read it through a
     * buffer (as the parser does): a request for a single char can be too small for a surrogate pair.
     */
    private int decode(char[] cbuf, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (finished) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            CoderResult result = decoder.decode(pending, out, atEnd);
            if (result.isError()) {
                failure = errorOf(result);
                break;
            }
            if (result.isOverflow()) {
                break;
            }
            if (atEnd) {
                CoderResult flushed = decoder.flush(out);
                if (flushed.isError()) {
                    failure = errorOf(flushed);
                } else if (flushed.isUnderflow()) {
                    finished = true;
                }
                break;
            }
            if (out.position() > off) {
                break; // hand out what there is; the next call reads more
            }
            refill();
        }
        int produced = out.position() - off;
        if (produced > 0) {
            return produced;
        }
        if (failure != null) {
            throw failure;
        }
        return finished ? -1 : 0;
    }

    /** Moves the bytes not decoded yet to the front and reads more behind them; notes the end of the input. */
    private void refill() throws IOException {
        pending.compact();
        int n = in.read(pending.array(), pending.position(), pending.remaining());
        if (n < 0) {
            atEnd = true;
        } else {
            pending.position(pending.position() + n);
        }
        pending.flip();
    }

    private static CharacterCodingException errorOf(CoderResult result) {
        try {
            result.throwException();
        } catch (CharacterCodingException e) {
            return e;
        }
        throw new IllegalStateException("not an error: " + result);
    }

    /** Whether the bytes are strict UTF-8; a sequence cut off at the end of the window counts when more follows. */
    private static boolean validUtf8(byte[] bytes, int length, boolean atEnd) {
        CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = utf8.decode(ByteBuffer.wrap(bytes, 0, length), out, atEnd);
        if (result.isError()) {
            return false;
        }
        return !atEnd || !utf8.flush(out).isError();
    }

    private static CharsetDecoder decoder(LeadFileEncoding encoding) {
        return strict(
                switch (encoding) {
                    case ASCII, UTF_8, UTF_8_BOM -> StandardCharsets.UTF_8;
                    case UTF_16LE -> StandardCharsets.UTF_16LE;
                    case UTF_16BE -> StandardCharsets.UTF_16BE;
                    case WINDOWS_1252 -> WINDOWS_1252;
                });
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
