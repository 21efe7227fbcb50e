package io.recruitflow.adapter.leadfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.LeadFileEncoding;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the text and wherever its first non-ASCII character falls (before, inside or after the
 * look-ahead window, across the reader's refills), it is read back exactly and in the encoding it was written.
 */
class DecodedTextTest {

    static String readAll(byte[] bytes, int bufferSize) throws IOException {
        try (BufferedReader reader = new BufferedReader(DecodedText.of(new ByteArrayInputStream(bytes)), bufferSize)) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        }
    }

    static LeadFileEncoding encodingOf(byte[] bytes) throws IOException {
        DecodedText text = DecodedText.of(new ByteArrayInputStream(bytes));
        new BufferedReader(text).transferTo(new StringWriter());
        return text.encoding();
    }

    /** Some ASCII (up to past the look-ahead window), then text from the whole of Unicode, emoji included. */
    @Provide
    Arbitrary<String> unicode() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
                        Arbitraries.strings().withCharRange('\u00a0', '\u024f').ofMaxLength(20),
                        Arbitraries.of("😀", "中文", "Zoë", "Jürgen", "\r\n", "ß", "İ", "€"))
                .list()
                .ofMinSize(1)
                .ofMaxSize(60)
                .map(l -> String.join("", l));
        return asciiPrefix().flatMap(a -> pieces.flatMap(p -> repeats().map(n -> a + p.repeat(n))));
    }

    /** ASCII and the accented small letters of Windows-1252 (à–ÿ): bytes that can never pass as UTF-8. */
    @Provide
    Arbitrary<String> westernEuropean() {
        Arbitrary<String> accented = Arbitraries.strings()
                .withCharRange('\u00e0', '\u00ff')
                .ofMinLength(1)
                .ofMaxLength(5);
        Arbitrary<String> rest = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00e0', '\u00ff')
                .ofMaxLength(200);
        return asciiPrefix()
                .flatMap(a -> accented.flatMap(x -> rest.flatMap(r -> repeats().map(n -> a + x + r.repeat(n)))));
    }

    /** How often the generated text repeats: the text after the first non-ASCII character often outgrows the window. */
    private static Arbitrary<Integer> repeats() {
        return Arbitraries.of(1, 10, 500, 3000);
    }

    /** ASCII before the first other character: none, some, or just around the look-ahead window's size. */
    private static Arbitrary<String> asciiPrefix() {
        int window = DecodedText.LOOKAHEAD;
        return Arbitraries.of(0, 1, 100, 8191, 8192, window - 1, window, window + 1, 100_000)
                .map(n -> "k".repeat(n));
    }

    @Property(tries = 40)
    void utf8AndUtf16TextIsReadBackExactly(
            @ForAll("unicode") String text, @ForAll("encodings") Written written, @ForAll("buffers") int buffer)
            throws IOException {
        byte[] bytes = written.encode(text);

        assertThat(readAll(bytes, buffer)).isEqualTo(text);
        LeadFileEncoding expected =
                written.encoding == LeadFileEncoding.UTF_8 && text.chars().allMatch(c -> c < 0x80)
                        ? LeadFileEncoding.ASCII
                        : written.encoding;
        assertThat(encodingOf(bytes)).isEqualTo(expected);
    }

    @Property(tries = 40)
    void windows1252TextIsReadBackExactly(@ForAll("westernEuropean") String text, @ForAll("buffers") int buffer)
            throws IOException {
        byte[] bytes = text.getBytes(Charset.forName("windows-1252"));

        assertThat(readAll(bytes, buffer)).isEqualTo(text);
        assertThat(encodingOf(bytes)).isEqualTo(LeadFileEncoding.WINDOWS_1252);
    }

    @Provide
    Arbitrary<Integer> buffers() {
        return Arbitraries.of(2, 3, 17, 8192, 65536);
    }

    @Provide
    Arbitrary<Written> encodings() {
        return Arbitraries.of(
                new Written(LeadFileEncoding.UTF_8, StandardCharsets.UTF_8, new byte[0]),
                new Written(LeadFileEncoding.UTF_8_BOM, StandardCharsets.UTF_8, new byte[] {
                    (byte) 0xEF, (byte) 0xBB, (byte) 0xBF
                }),
                new Written(
                        LeadFileEncoding.UTF_16LE, StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
                new Written(
                        LeadFileEncoding.UTF_16BE, StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}));
    }

    record Written(LeadFileEncoding encoding, Charset charset, byte[] mark) {
        byte[] encode(String text) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(mark);
            out.write(text.getBytes(charset));
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return encoding.name();
        }
    }
}
