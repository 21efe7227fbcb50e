package io.recruitflow.application.importleads;

import java.io.InputStream;
import java.util.function.Consumer;

/** Reads a lead file (CSV) row by row, streaming. Implemented by the lead-file adapter. */
public interface LeadFileReader {

    /**
     * Hands every data row to {@code rows}, in file order, and answers how the file was read (its encoding,
     * known once the whole file is read, and what each column gave).
     *
     * @param mapping explicit columns for some fields, on top of the reader's own configuration
     * @throws BadLeadFileException when the file as a whole cannot be used (no header, no name column, no
     *                              phone or email column, a mapped column the file lacks, not text)
     */
    LeadFileLayout read(InputStream file, ColumnMapping mapping, Consumer<LeadRow> rows);

    /** {@link #read(InputStream, ColumnMapping, Consumer)} without an explicit mapping. */
    default void read(InputStream file, Consumer<LeadRow> rows) {
        read(file, ColumnMapping.none(), rows);
    }

    /** The file cannot be imported; the message says what to fix. */
    final class BadLeadFileException extends RuntimeException {
        public BadLeadFileException(String message) {
            super(message);
        }
    }
}
