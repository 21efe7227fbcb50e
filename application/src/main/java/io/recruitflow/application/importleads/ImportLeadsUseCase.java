package io.recruitflow.application.importleads;

/**
 * Imports a lead list: every row goes through intake; rejected rows are reported with their row
 * number and reason and the import goes on. Accepting is durable and makes no GHL call; the intake
 * sagas run as jobs.
 */
public interface ImportLeadsUseCase {
    /**
     * Imports the file into its location.
     *
     * @throws LocationNotReachable before reading any row, when Recruitflow has no access to the location or it
     *     is suspended (the app was uninstalled there): nothing is accepted
     */
    ImportReport importLeads(ImportLeadsCommand command);

    /** The import's location is not one Recruitflow can work in; the message says what to do. */
    final class LocationNotReachable extends RuntimeException {
        private final transient io.recruitflow.domain.shared.LocationId location;

        public LocationNotReachable(io.recruitflow.domain.shared.LocationId location, String message) {
            super(message);
            this.location = location;
        }

        public io.recruitflow.domain.shared.LocationId location() {
            return location;
        }
    }
}
