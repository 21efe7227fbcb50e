package io.recruitflow.bootstrap.wiring;

import com.google.inject.AbstractModule;
import io.recruitflow.adapter.leadfile.CsvLeadFileReader;
import io.recruitflow.adapter.leadfile.LeadFileParser;
import io.recruitflow.adapter.leadfile.LibPhoneNumbers;
import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.domain.shared.PhoneNumbers;
import java.util.Map;

/** Lead files (Commons CSV) and phone numbers (libphonenumber). */
public final class LeadFileModule extends AbstractModule {
    private final Map<String, String> customFieldColumns;

    /** @param customFieldColumns extra CSV columns to copy into GHL custom fields: header → custom field id */
    public LeadFileModule(Map<String, String> customFieldColumns) {
        this.customFieldColumns = Map.copyOf(customFieldColumns);
    }

    public LeadFileModule() {
        this(Map.of());
    }

    @Override
    protected void configure() {
        bind(PhoneNumbers.class).toInstance(new LibPhoneNumbers());
        bind(LeadFileReader.class).toInstance(new CsvLeadFileReader(new LeadFileParser(customFieldColumns)));
    }
}
