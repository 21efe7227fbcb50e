package io.recruitflow.application.importleads;

import io.recruitflow.domain.shared.LocationId;
import java.io.InputStream;
import java.util.Objects;

/** Import a lead file into a location. The stream is read once and not closed by the use case. */
public record ImportLeadsCommand(LocationId location, InputStream file) {
    public ImportLeadsCommand {
        Objects.requireNonNull(location, "location is required");
        Objects.requireNonNull(file, "file is required");
    }
}
