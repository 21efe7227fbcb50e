package io.recruitflow.adapter.leadfile;

import io.recruitflow.application.importleads.ColumnMapping;
import io.recruitflow.application.importleads.LeadRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads lead files: CSV (RFC 4180 as Excel and Google Sheets write it: quoted fields with commas, quotes and
 * line breaks, CRLF or LF) with a header row, in UTF-8 (with or without a byte-order mark), UTF-16 with a
 * byte-order mark, or Windows-1252 (Excel's "CSV (Comma delimited)"): {@link DecodedText} finds out which. A
 * header without a comma but with tabs or semicolons gives the separator instead (Excel's "Unicode Text" is
 * tab-separated, and Excel writes semicolons where the decimal separator is a comma).
 *
 * <p>Recognised columns, by any of several header spellings ({@link LeadColumn}): first and last name
 * (or one full-name column), email, phone, license state, license number, license type(s) (several
 * separated by {@code ;}, {@code ,}, {@code |} or {@code /}), NPN, license expiration and lead source. An
 * explicit {@link ColumnMapping} names the column of a field whose header is spelled otherwise. Other columns
 * become GHL custom fields when configured (header → custom-field id, matched like the known headers) and are
 * otherwise ignored and listed in {@link LeadFile#ignoredColumns()}.
 *
 * <p>A file without a name column, or with neither a phone nor an email column, or without a column the
 * mapping names, is refused as a whole ({@link InvalidLeadFileException}). A row that cannot be read becomes a
 * {@link LeadRow.Unreadable} and the others are still read. The lead rules are not applied here; the
 * application applies them. Rows are read lazily, so files of any size stream through in constant memory; a row
 * longer than the record limit (a quote never closed makes the rest of the file one field) is not gathered:
 * the file ends there with an unreadable row saying so ({@link RecordLimit}).
 */
final class LeadFileParser {
    // Empty lines are kept as records so that row numbers match the spreadsheet; blank rows are skipped later.
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).build();
    /** How far into the file the header line is looked for, to see its separator. */
    private static final int HEADER_SNIFF = 64 * 1024;

    /** 64 Ki characters: a lead is a few hundred; a row this long is a quote that is never closed. */
    static final int DEFAULT_MAX_RECORD_LENGTH = 64 * 1024;

    private final Map<String, String> customFieldByHeader;
    private final int maxRecordLength;

    /** A parser that maps no extra column to a custom field. */
    LeadFileParser() {
        this(Map.of());
    }

    /** {@link #LeadFileParser(Map, int)} with rows of up to {@link #DEFAULT_MAX_RECORD_LENGTH} characters. */
    LeadFileParser(Map<String, String> customFieldColumns) {
        this(customFieldColumns, DEFAULT_MAX_RECORD_LENGTH);
    }

    /**
     * @param customFieldColumns extra columns to keep, by header (matched like the known headers) → the
     *                           GHL custom field id their values go to
     * @param maxRecordLength    the most characters one row (record) may have, header included; a longer one
     *                           ends the file with an unreadable row, read no further than that
     */
    LeadFileParser(Map<String, String> customFieldColumns, int maxRecordLength) {
        if (maxRecordLength < 1) {
            throw new IllegalArgumentException("the record length limit must be positive, was " + maxRecordLength);
        }
        this.maxRecordLength = maxRecordLength;
        Map<String, String> byHeader = new LinkedHashMap<>();
        customFieldColumns.forEach((header, fieldId) -> {
            String normalized = LeadColumn.normalize(header);
            if (normalized.isEmpty() || fieldId == null || fieldId.isBlank()) {
                throw new IllegalArgumentException(
                        "custom field column '" + header + "' needs a header and a field id");
            }
            if (LeadColumn.of(header).isPresent()) {
                String field = LeadColumn.of(header).orElseThrow().field().label();
                throw new IllegalArgumentException(
                        "column '" + header + "' is a standard lead column (" + field + "), not a custom field"
                                + customFieldHint(LeadColumn.of(header).orElseThrow()));
            }
            String previous = byHeader.put(normalized, fieldId.strip());
            if (previous != null && !previous.equals(fieldId.strip())) {
                throw new IllegalArgumentException("column '" + header + "' is configured twice");
            }
        });
        this.customFieldByHeader = Map.copyOf(byHeader);
    }

    /** {@link #open(InputStream, ColumnMapping)} without an explicit mapping. */
    public LeadFile open(InputStream in) throws InvalidLeadFileException {
        return open(in, ColumnMapping.none());
    }

    /**
     * Reads the header of a CSV stream in any of the encodings it detects. The returned file reads its rows
     * lazily and closes {@code in} when closed.
     *
     * @throws InvalidLeadFileException when the file is empty, not text, lacks a required column or a column
     *                                  the mapping names
     */
    public LeadFile open(InputStream in, ColumnMapping mapping) throws InvalidLeadFileException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(mapping, "mapping");
        BufferedReader reader = null;
        DecodedText text = null;
        try {
            text = DecodedText.of(in);
            reader = new BufferedReader(text, HEADER_SNIFF);
            char separator = separator(reader);
            RecordLimit limited = new RecordLimit(reader, maxRecordLength);
            CSVParser parser = FORMAT.builder().setDelimiter(separator).build().parse(limited);
            return new LeadFile(parser, text::encoding, customFieldByHeader, mapping, limited, maxRecordLength);
        } catch (CharacterCodingException e) {
            closeQuietly(reader, in);
            throw new InvalidLeadFileException(
                    "the header row is not " + text.encoding().label() + " text; save the file as \"CSV UTF-8\"", e);
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(reader, in);
            throw new InvalidLeadFileException("the lead file could not be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(reader, in);
            throw e;
        }
    }

    /**
     * The separator of the header line: a comma, unless the line has none and has tabs (then a tab) or
     * semicolons (then a semicolon). The reader is left where it was.
     */
    private static char separator(BufferedReader reader) throws IOException {
        reader.mark(HEADER_SNIFF);
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < HEADER_SNIFF; i++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
            }
        }
        reader.reset();
        if (commas > 0) {
            return ',';
        }
        return tabs > 0 ? '\t' : semicolons > 0 ? ';' : ',';
    }

    private static String customFieldHint(LeadColumn column) {
        return switch (column.field()) {
            case NPN -> ": its custom field is set with npn=ID in the license custom fields (intake.customFields)";
            case LICENSE_EXPIRATION ->
                ": its custom field is set with licenseExpiration=ID in the license custom "
                        + "fields (intake.customFields)";
            case LICENSE_STATE, LICENSE_NUMBER, LICENSE_TYPES ->
                ": its custom field is set in the license custom " + "fields (intake.customFields)";
            default -> "";
        };
    }

    private static void closeQuietly(BufferedReader reader, InputStream in) {
        try {
            if (reader != null) {
                reader.close();
            } else {
                in.close();
            }
        } catch (IOException ignored) {
            // Nothing useful to do: the original failure is what the caller needs to see.
        }
    }
}
