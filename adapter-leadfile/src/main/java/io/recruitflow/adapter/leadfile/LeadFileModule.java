package io.recruitflow.adapter.leadfile;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.domain.shared.PhoneNumbers;
import jakarta.inject.Singleton;
import java.util.Objects;

/**
 * Lead files (Commons CSV) and phone numbers (libphonenumber), from a {@link LeadFileConfig}: binds
 * {@link LeadFileReader} and {@link PhoneNumbers}. Needs nothing else, starts nothing.
 */
public final class LeadFileModule extends AbstractModule {
    private final LeadFileConfig config;

    public LeadFileModule(LeadFileConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** With {@link LeadFileConfig#defaults()}. */
    public LeadFileModule() {
        this(LeadFileConfig.defaults());
    }

    @Override
    protected void configure() {
        bind(LeadFileConfig.class).toInstance(config);
    }

    @Provides
    @Singleton
    PhoneNumbers phoneNumbers() {
        return new LibPhoneNumbers();
    }

    @Provides
    @Singleton
    LeadFileReader leadFileReader(LeadFileConfig config) {
        return new CsvLeadFileReader(
                new LeadFileParser(config.customFieldColumns(), config.maxRecordLength()), config.columnMapping());
    }
}
