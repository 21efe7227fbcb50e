package io.recruitflow.application.importleads;

/**
 * Hears an import as it goes: every row's outcome once it is durable (accepted and known rows after their batch
 * committed), and the running counts after each batch. Called on the importing thread; keep it quick. For a caller
 * that wants every rejected row of a large file (the report lists only the first {@link ImportReport#KEPT_ROWS}),
 * or a progress line.
 */
public interface ImportListener {
    ImportListener NONE = new ImportListener() {};

    default void accepted(ImportReport.Row row) {}

    default void known(ImportReport.Row row) {}

    default void rejected(ImportReport.Rejection rejection) {}

    /** After each batch: the rows read so far and how they went. */
    default void progress(Progress progress) {}

    record Progress(int rows, int accepted, int known, int rejected) {}
}
