package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsService;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.importleads.LeadFileEncoding;
import io.recruitflow.application.importleads.LeadFileLayout;
import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.application.importleads.LeadRow;
import io.recruitflow.application.port.Installations;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.LocationId;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An import feeds any location Recruitflow can work in, and refuses the others before reading a row. */
class ImportLocationTest {
    static final LocationId OTHER = new LocationId("loc_other");

    private final AtomicInteger rowsRead = new AtomicInteger();
    private final LeadFileReader reader = (file, mapping, rows) -> {
        rowsRead.incrementAndGet();
        rows.accept(new LeadRow.Parsed(2, World.lead("John", "Smith", "4075551234", null, "FL")));
        return new LeadFileLayout(LeadFileEncoding.ASCII, List.of());
    };

    @Test
    void aLocationRecruitflowReachesIsImportedInto() {
        World w = new World("2026-02-12T10:00");

        ImportReport report =
                importer(w, reaching(Set.of(InMemoryGhl.LOCATION), true)).importLeads(command(InMemoryGhl.LOCATION));

        assertThat(report.accepted()).hasSize(1);
    }

    @Test
    void aLocationWithoutAccessIsRefusedBeforeAnyRowIsRead() {
        World w = new World("2026-02-12T10:00");

        assertThatThrownBy(() -> importer(w, reaching(Set.of(InMemoryGhl.LOCATION), true))
                        .importLeads(command(OTHER)))
                .isInstanceOfSatisfying(
                        ImportLeadsUseCase.LocationNotReachable.class,
                        e -> assertThat(e.location()).isEqualTo(OTHER))
                .hasMessageContaining("no access to location loc_other")
                .hasMessageContaining("or for the location's agency");
        assertThat(rowsRead).hasValue(0);
        assertThat(w.adapters.recruits().all(java.util.Optional.empty())).isEmpty();
    }

    @Test
    void withAFixedTokenTheMessageSaysItIsAnotherLocations() {
        World w = new World("2026-02-12T10:00");

        assertThatThrownBy(() -> importer(w, reaching(Set.of(InMemoryGhl.LOCATION), false))
                        .importLeads(command(OTHER)))
                .hasMessageContaining("fixed access token is another location's");
    }

    @Test
    void aSuspendedLocationIsRefused() {
        World w = new World("2026-02-12T10:00");
        w.suspended.suspend(InMemoryGhl.LOCATION, "app uninstalled at 2026-02-12T14:00:00Z");

        assertThatThrownBy(() -> w.importer(reader).importLeads(command(InMemoryGhl.LOCATION)))
                .isInstanceOf(ImportLeadsUseCase.LocationNotReachable.class)
                .hasMessageContaining("is suspended (app uninstalled");
        assertThat(rowsRead).hasValue(0);
    }

    private ImportLeadsService importer(World w, Installations installations) {
        return new ImportLeadsService(reader, w.intake, installations, w.suspended);
    }

    private static ImportLeadsCommand command(LocationId location) {
        return new ImportLeadsCommand(location, new ByteArrayInputStream(new byte[0]));
    }

    /** Installations that reach exactly these locations. */
    private static Installations reaching(Set<LocationId> locations, boolean selfInstallable) {
        return new Installations() {
            @Override
            public boolean selfInstallable() {
                return selfInstallable;
            }

            @Override
            public URI consentUrl(String state) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Installed complete(String grant, Installer installer) {
                throw new UnsupportedOperationException();
            }

            @Override
            public LocationAccess addLocation(Optional<CompanyId> agency, LocationId location) {
                return LocationAccess.HELD;
            }

            @Override
            public boolean reaches(LocationId location) {
                return locations.contains(location);
            }

            @Override
            public boolean remove(LocationId location) {
                return false;
            }
        };
    }
}
