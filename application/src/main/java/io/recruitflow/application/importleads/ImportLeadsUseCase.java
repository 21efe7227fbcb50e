package io.recruitflow.application.importleads;

/**
 * Imports a lead list: every row goes through intake; rejected rows are reported with their row
 * number and reason and the import goes on. Accepting is durable and makes no GHL call; the intake
 * sagas run as jobs.
 */
public interface ImportLeadsUseCase {
    ImportReport importLeads(ImportLeadsCommand command);
}
