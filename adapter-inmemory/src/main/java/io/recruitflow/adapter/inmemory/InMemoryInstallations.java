package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.Installations;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.LocationId;
import java.net.URI;
import java.util.Optional;

/**
 * The in-memory GHL has no marketplace app, so nothing installs itself: like a fixed-token set-up, {@link
 * #selfInstallable()} is false and there is no access to give up.
 */
public final class InMemoryInstallations implements Installations {
    private static final String NOT_INSTALLABLE =
            "the in-memory GHL has no marketplace app (use the GHL REST adapter with a client id and secret)";

    public InMemoryInstallations() {}

    @Override
    public boolean selfInstallable() {
        return false;
    }

    @Override
    public URI consentUrl(String state) {
        throw new UnsupportedOperationException(NOT_INSTALLABLE);
    }

    @Override
    public Installed complete(String grant, Installer installer) {
        throw new UnsupportedOperationException(NOT_INSTALLABLE);
    }

    @Override
    public LocationAccess addLocation(Optional<CompanyId> agency, LocationId location) {
        return LocationAccess.NOT_SELF_INSTALLABLE;
    }

    @Override
    public boolean remove(LocationId location) {
        return false;
    }
}
