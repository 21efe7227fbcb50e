package io.recruitflow.adapter.leadfile;

import io.recruitflow.application.importleads.LeadRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads lead files: UTF-8 CSV (RFC 4180 as Excel and Google Sheets write it: quoted fields with commas,
 * quotes and line breaks, CRLF or LF, an optional byte-order mark) with a header row.
 *
 * <p>Recognised columns, by any of several header spellings ({@link LeadColumn}): first and last name
 * (or one full-name column), email, phone, license state, license number, license type(s) (several
 * separated by {@code ;}, {@code ,}, {@code |} or {@code /}) and lead source. Other columns become GHL
 * custom fields when configured (header → custom-field id, matched like the known headers) and are
 * otherwise ignored and listed in {@link LeadFile#ignoredColumns()}.
 *
 * <p>A file without a name column, or with neither a phone nor an email column, is refused as a whole
 * ({@link InvalidLeadFileException}). A row that cannot be read becomes a {@link LeadRow.Unreadable} and
 * the others are still read. The lead rules are not applied here; the application applies them.
 * Rows are read lazily, so files of any size stream through in constant memory.
 */
final class LeadFileParser {
    // Empty lines are kept as records so that row numbers match the spreadsheet; blank rows are skipped later.
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).build();

    private final Map<String, String> customFieldByHeader;

    /** A parser that maps no extra column to a custom field. */
    LeadFileParser() {
        this(Map.of());
    }

    /**
     * @param customFieldColumns extra columns to keep, by header (matched like the known headers) → the
     *                           GHL custom field id their values go to
     */
    LeadFileParser(Map<String, String> customFieldColumns) {
        Map<String, String> byHeader = new LinkedHashMap<>();
        customFieldColumns.forEach((header, fieldId) -> {
            String normalized = LeadColumn.normalize(header);
            if (normalized.isEmpty() || fieldId == null || fieldId.isBlank()) {
                throw new IllegalArgumentException(
                        "custom field column '" + header + "' needs a header and a field id");
            }
            if (LeadColumn.of(header).isPresent()) {
                throw new IllegalArgumentException(
                        "column '" + header + "' is a standard lead column, not a custom field");
            }
            String previous = byHeader.put(normalized, fieldId.strip());
            if (previous != null && !previous.equals(fieldId.strip())) {
                throw new IllegalArgumentException("column '" + header + "' is configured twice");
            }
        });
        this.customFieldByHeader = Map.copyOf(byHeader);
    }

    /**
     * Reads the header of a UTF-8 CSV stream. The returned file reads its rows lazily and closes
     * {@code in} when closed.
     *
     * @throws InvalidLeadFileException when the file is empty, not UTF-8 or lacks a required column
     */
    public LeadFile open(InputStream in) throws InvalidLeadFileException {
        Objects.requireNonNull(in, "in");
        // REPORT, not REPLACE: a mis-encoded name must be an error, not silently become "J?rgen".
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            skipByteOrderMark(reader);
            CSVParser parser = FORMAT.parse(reader);
            return new LeadFile(parser, customFieldByHeader);
        } catch (CharacterCodingException e) {
            closeQuietly(reader);
            throw new InvalidLeadFileException("the lead file is not UTF-8 text; save it as \"CSV UTF-8\"", e);
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(reader);
            throw new InvalidLeadFileException("the lead file could not be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static void closeQuietly(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Nothing useful to do: the original failure is what the caller needs to see.
        }
    }
}
