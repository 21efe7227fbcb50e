package io.recruitflow.adapter.leadfile;

import io.recruitflow.application.importleads.ColumnMapping;
import io.recruitflow.application.importleads.LeadField;
import io.recruitflow.application.importleads.LeadFileEncoding;
import io.recruitflow.application.importleads.LeadFileLayout;
import io.recruitflow.application.importleads.LeadRow;
import io.recruitflow.domain.recruit.LeadInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An open lead file: its header, read by {@link LeadFileParser#open}, what each column gives ({@link
 * #layout()}), and its rows, read lazily by {@link #rows()}. Close it (or the stream) to release the input.
 */
final class LeadFile implements AutoCloseable {
    private static final Pattern TYPE_SEPARATORS = Pattern.compile("[;,|/]");
    /** Longer fields are refused: no lead needs them, and they hint at a broken quote. */
    static final int MAX_FIELD_LENGTH = 10_000;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Supplier<LeadFileEncoding> encoding;
    private final List<String> headers;
    private final Map<LeadColumn, List<Integer>> columns = new EnumMap<>(LeadColumn.class);
    private final Map<Integer, String> customFieldAt = new LinkedHashMap<>();
    private final Map<String, String> customFieldColumns = new LinkedHashMap<>();
    private final List<String> ignoredColumns = new ArrayList<>();
    private final List<LeadFileLayout.Column> layout = new ArrayList<>();
    private final RecordLimit recordLimit;
    private final int maxRecordLength;
    private boolean streamed;

    LeadFile(
            CSVParser parser,
            Supplier<LeadFileEncoding> encoding,
            Map<String, String> customFieldByHeader,
            ColumnMapping mapping,
            RecordLimit recordLimit,
            int maxRecordLength) {
        this.parser = parser;
        this.recordLimit = recordLimit;
        this.maxRecordLength = maxRecordLength;
        this.encoding = encoding;
        this.records = parser.iterator();
        this.headers = readHeader();
        Map<Integer, LeadField> mapped = mappedColumns(mapping);
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            Optional<LeadColumn> recognised = LeadColumn.of(header)
                    // A field the mapping gives its column takes no other.
                    .filter(c -> !mapping.columns().containsKey(c.field()));
            Optional<LeadColumn> column =
                    Optional.ofNullable(mapped.get(i)).map(LeadColumn::of).or(() -> recognised);
            if (column.isPresent()) {
                columns.computeIfAbsent(column.get(), k -> new ArrayList<>()).add(i);
                layout.add(new LeadFileLayout.Column(
                        header, Optional.of(column.get().field()), Optional.empty(), mapped.containsKey(i)));
                continue;
            }
            String fieldId =
                    LeadColumn.of(header).isPresent() ? null : customFieldByHeader.get(LeadColumn.normalize(header));
            if (fieldId != null) {
                customFieldAt.put(i, fieldId);
                customFieldColumns.put(header, fieldId);
                layout.add(new LeadFileLayout.Column(header, Optional.empty(), Optional.of(fieldId), false));
            } else {
                if (!header.isBlank()) {
                    ignoredColumns.add(header);
                }
                layout.add(new LeadFileLayout.Column(header, Optional.empty(), Optional.empty(), false));
            }
        }
        if (!columns.containsKey(LeadColumn.FIRST_NAME) && !columns.containsKey(LeadColumn.FULL_NAME)) {
            throw new InvalidLeadFileException("the lead file has no name column: add a 'First Name' (or 'Name') "
                    + "column, or map one (e.g. 'First Name=Agent First Name'); the header has " + headers);
        }
        if (!columns.containsKey(LeadColumn.PHONE) && !columns.containsKey(LeadColumn.EMAIL)) {
            throw new InvalidLeadFileException("the lead file has neither a phone nor an email column: add a "
                    + "'Phone' or 'Email' column, or map one (e.g. 'Phone=Cell 2'); the header has " + headers);
        }
    }

    /** The index of each column the mapping names; a column the file lacks refuses the file. */
    private Map<Integer, LeadField> mappedColumns(ColumnMapping mapping) {
        Map<Integer, LeadField> mapped = new LinkedHashMap<>();
        mapping.columns().forEach((field, column) -> {
            int index = -1;
            for (int i = 0; i < headers.size() && index < 0; i++) {
                if (LeadColumn.normalize(headers.get(i)).equals(LeadColumn.normalize(column))) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new InvalidLeadFileException("the column mapping takes " + field.label() + " from '" + column
                        + "', but the file has no such column; the header has " + headers);
            }
            mapped.put(index, field);
        });
        return mapped;
    }

    private List<String> readHeader() {
        try {
            if (!records.hasNext()) {
                throw new InvalidLeadFileException("the lead file is empty: it needs a header row");
            }
            List<String> header = records.next().toList();
            recordLimit.recordRead();
            if (header.stream().allMatch(String::isBlank)) {
                throw new InvalidLeadFileException(
                        "the first row of the lead file must be the header, but it is blank");
            }
            return List.copyOf(header);
        } catch (UncheckedIOException e) {
            throw new InvalidLeadFileException(
                    e.getCause() instanceof CharacterCodingException
                            ? "the header row is not " + encoding.get().label()
                                    + " text; save the file as \"CSV UTF-8\""
                            : "the header row could not be read: "
                                    + e.getCause().getMessage(),
                    e);
        }
    }

    /** The header row as written. */
    public List<String> headers() {
        return headers;
    }

    /** Columns that are neither known lead columns nor configured custom fields, as written. */
    public List<String> ignoredColumns() {
        return List.copyOf(ignoredColumns);
    }

    /** The configured custom-field columns found in this file: header as written → custom field id. */
    public Map<String, String> customFieldColumns() {
        return Map.copyOf(customFieldColumns);
    }

    /** The encoding, as far as read (a file whose non-ASCII bytes come late is ASCII until then). */
    public LeadFileEncoding encoding() {
        return encoding.get();
    }

    /** The encoding (as far as read) and what each column of the header gives. */
    public LeadFileLayout layout() {
        return new LeadFileLayout(encoding.get(), layout);
    }

    /**
     * The data rows, lazily, in file order; blank rows are skipped. A row the CSV reader cannot get past
     * (an unterminated quote, bytes that are not text in the file's encoding) ends the stream with a {@link LeadRow.Unreadable}
     * saying which row it was. May be called once.
     */
    public Stream<LeadRow> rows() {
        if (streamed) {
            throw new IllegalStateException("the rows of a lead file can be read once");
        }
        streamed = true;
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(new Rows(), Spliterator.ORDERED | Spliterator.NONNULL),
                        false)
                .onClose(this::close);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Rows implements Iterator<LeadRow> {
        private int rowNumber = 1; // the header
        private LeadRow next;
        private boolean broken;

        @Override
        public boolean hasNext() {
            while (next == null && !broken) {
                try {
                    if (!records.hasNext()) {
                        return false;
                    }
                    CSVRecord record = records.next();
                    recordLimit.recordRead();
                    rowNumber++;
                    next = toRow(rowNumber, record);
                } catch (UncheckedIOException e) {
                    broken = true;
                    rowNumber++;
                    String why = e.getCause() instanceof CharacterCodingException
                            ? "it is not " + encoding.get().label() + " text"
                            : e.getCause().getMessage();
                    next = new LeadRow.Unreadable(
                            rowNumber,
                            "row " + rowNumber + " could not be read (" + why + "); the rows after it were not read");
                }
            }
            return next != null;
        }

        @Override
        public LeadRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            LeadRow row = next;
            next = null;
            return row;
        }
    }

    /** The row, or null for a blank row. */
    private LeadRow toRow(int rowNumber, CSVRecord record) {
        List<String> values = record.toList();
        if (values.stream().allMatch(String::isBlank)) {
            return null;
        }
        if (values.size() != headers.size()) {
            return new LeadRow.Unreadable(
                    rowNumber,
                    "row " + rowNumber + " has " + values.size() + " fields but the " + "header has " + headers.size()
                            + " (an unquoted comma, or a missing field?)");
        }
        // The reader stops a record that runs far past the limit; this is the exact check.
        long length = values.size() - 1L;
        for (String v : values) {
            length += v.length();
        }
        if (length > maxRecordLength) {
            return new LeadRow.Unreadable(
                    rowNumber,
                    "row " + rowNumber + " is longer than " + maxRecordLength + " characters, the most a row may have");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).length() > MAX_FIELD_LENGTH) {
                return new LeadRow.Unreadable(
                        rowNumber,
                        "row " + rowNumber + ": the '" + headers.get(i) + "' field is longer than " + MAX_FIELD_LENGTH
                                + " characters");
            }
        }

        String first = value(values, LeadColumn.FIRST_NAME);
        String last = value(values, LeadColumn.LAST_NAME);
        String full = value(values, LeadColumn.FULL_NAME);
        if ((first == null || first.isBlank()) && full != null && !full.isBlank()) {
            String[] parts = full.strip().split("\\s+", 2);
            first = parts[0];
            if (last == null || last.isBlank()) {
                last = parts.length > 1 ? parts[1] : "";
            }
        }
        String types = value(values, LeadColumn.LICENSE_TYPES);
        List<String> licenseTypes = types == null
                ? List.of()
                : Arrays.stream(TYPE_SEPARATORS.split(types))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        Map<String, String> extra = new LinkedHashMap<>();
        customFieldAt.forEach((index, fieldId) -> {
            String v = values.get(index);
            if (!v.isBlank()) {
                extra.putIfAbsent(fieldId, v);
            }
        });
        return new LeadRow.Parsed(
                rowNumber,
                new LeadInput(
                        first,
                        last,
                        value(values, LeadColumn.EMAIL),
                        value(values, LeadColumn.PHONE),
                        value(values, LeadColumn.LICENSE_STATE),
                        value(values, LeadColumn.LICENSE_NUMBER),
                        licenseTypes,
                        value(values, LeadColumn.NPN),
                        value(values, LeadColumn.LICENSE_EXPIRATION),
                        value(values, LeadColumn.SOURCE),
                        extra));
    }

    /** The first non-blank value among the column's fields (a file may have "Phone" and "Mobile"); null without the column. */
    private String value(List<String> values, LeadColumn column) {
        List<Integer> indexes = columns.get(column);
        if (indexes == null) {
            return null;
        }
        for (int i : indexes) {
            if (!values.get(i).isBlank()) {
                return values.get(i);
            }
        }
        return values.get(indexes.get(0));
    }
}
