package io.recruitflow.application.importleads;

/**
 * A dry run of an import: reads the file as the import would and shows what it would send, without storing
 * anything and without a GHL call.
 */
public interface PreviewImportUseCase {
    /**
     * @param sample how many of the accepted leads to show as they would be sent
     * @throws LeadFileReader.BadLeadFileException when the file as a whole cannot be imported
     */
    ImportPreview preview(ImportLeadsCommand command, int sample);
}
