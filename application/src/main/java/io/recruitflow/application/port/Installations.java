package io.recruitflow.application.port;

import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.LocationId;
import java.net.URI;
import java.util.Optional;

/**
 * Recruitflow's installation in the CRM's accounts: how access is asked for, granted and given up. How
 * the grant works and where the resulting credentials live is the CRM adapter's business (GHL: the
 * marketplace app's OAuth flow). Failures are {@link io.recruitflow.domain.shared.ExternalFailure}s.
 */
public interface Installations {

    /** Whether this set-up can install itself into accounts (false with a fixed access token). */
    boolean selfInstallable();

    /** Where to send a person who installs Recruitflow; {@code state} comes back with the grant. */
    URI consentUrl(String state);

    /**
     * Where to send a person who installs Recruitflow as {@code installer} (an agency for all its locations, or one
     * location); by default the same place as {@link #consentUrl(String)}.
     */
    default URI consentUrl(String state, Installer installer) {
        return consentUrl(state);
    }

    /** Completes an installation from the grant the person came back with, and keeps the access. */
    Installed complete(String grant, Installer installer);

    /**
     * Gains access to one location Recruitflow was installed on: kept if already held (the install's own grant
     * gave it), else obtained from the agency's access when the agency is known. The CRM may not name the agency
     * (GHL's INSTALL for "future locations" can lack it); then, with no access held, nothing can be obtained and
     * the answer says so. Does nothing when the set-up is not self-installable. Failures of the CRM (the agency's
     * own grant not stored yet, say) are {@link io.recruitflow.domain.shared.ExternalFailure}s.
     */
    LocationAccess addLocation(Optional<CompanyId> agency, LocationId location);

    /**
     * Whether Recruitflow can act in the location: it holds the location's access, or gains it now from the agency
     * that installed Recruitflow for all its locations (and keeps it). With a fixed access token, only the token's
     * own location, when one is configured. Answers false rather than failing when there is no access; a CRM that
     * cannot be asked fails with {@link io.recruitflow.domain.shared.ExternalFailure.Unavailable}. Implementations
     * that cannot tell answer true (the default).
     */
    default boolean reaches(LocationId location) {
        return true;
    }

    /** Gives up all access to the location (Recruitflow was uninstalled there). Returns whether there was any. */
    boolean remove(LocationId location);

    /** What {@link #addLocation} found or did. */
    enum LocationAccess {
        /** Access was obtained from the agency's and stored. */
        OBTAINED,
        /** Access to the location was held already. */
        HELD,
        /** No access held and no agency named to obtain it from: the location must be installed again. */
        UNOBTAINABLE,
        /** The set-up does not install itself (a fixed access token): nothing to do. */
        NOT_SELF_INSTALLABLE
    }

    /** Who installed: an agency for its locations, or one location. */
    enum Installer {
        AGENCY,
        LOCATION
    }

    /** The account an installation was completed for. */
    record Installed(Installer installer, String accountId) {}
}
