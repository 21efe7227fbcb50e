package io.recruitflow.application.importleads;

import io.recruitflow.domain.shared.LocationId;
import java.io.InputStream;
import java.util.Objects;

/**
 * Import a lead file into a location, with explicit columns for the fields whose headers are not recognised.
 * The stream is read once and not closed by the use case.
 */
public record ImportLeadsCommand(LocationId location, InputStream file, ColumnMapping mapping) {
    public ImportLeadsCommand {
        Objects.requireNonNull(location, "location is required");
        Objects.requireNonNull(file, "file is required");
        Objects.requireNonNull(mapping, "mapping is required");
    }

    /** Without an explicit column mapping. */
    public ImportLeadsCommand(LocationId location, InputStream file) {
        this(location, file, ColumnMapping.none());
    }
}
