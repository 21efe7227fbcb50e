package io.recruitflow.application.importleads;

import io.recruitflow.domain.shared.LocationId;
import java.io.InputStream;
import java.util.Objects;

/**
 * Import a lead file into a location, with explicit columns for the fields whose headers are not recognised.
 * The stream is read once and not closed by the use case; {@code listener} hears every row's outcome and the
 * progress as the import goes.
 */
public record ImportLeadsCommand(
        LocationId location, InputStream file, ColumnMapping mapping, ImportListener listener) {
    public ImportLeadsCommand {
        Objects.requireNonNull(location, "location is required");
        Objects.requireNonNull(file, "file is required");
        Objects.requireNonNull(mapping, "mapping is required");
        Objects.requireNonNull(listener, "listener is required");
    }

    /** Without a listener. */
    public ImportLeadsCommand(LocationId location, InputStream file, ColumnMapping mapping) {
        this(location, file, mapping, ImportListener.NONE);
    }

    /** Without an explicit column mapping. */
    public ImportLeadsCommand(LocationId location, InputStream file) {
        this(location, file, ColumnMapping.none());
    }
}
