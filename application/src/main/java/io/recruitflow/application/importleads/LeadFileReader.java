package io.recruitflow.application.importleads;

import java.io.InputStream;
import java.util.function.Consumer;

/** Reads a lead file (CSV) row by row, streaming. Implemented by the lead-file adapter. */
public interface LeadFileReader {

    /**
     * Hands every data row to {@code rows}, in file order.
     *
     * @throws BadLeadFileException when the file as a whole cannot be used (no header, no name column, no
     *                              phone or email column, not text)
     */
    void read(InputStream file, Consumer<LeadRow> rows);

    /** The file cannot be imported; the message says what to fix. */
    final class BadLeadFileException extends RuntimeException {
        public BadLeadFileException(String message) {
            super(message);
        }
    }
}
