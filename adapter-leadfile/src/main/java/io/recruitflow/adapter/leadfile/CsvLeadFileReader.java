package io.recruitflow.adapter.leadfile;

import io.recruitflow.application.importleads.ColumnMapping;
import io.recruitflow.application.importleads.LeadFileLayout;
import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.application.importleads.LeadRow;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The application's {@link LeadFileReader} on the CSV {@link LeadFileParser}: streams rows, never the whole file.
 * The configured column mapping applies to every file; the one given with a file overrides it field by field.
 */
final class CsvLeadFileReader implements LeadFileReader {
    private final LeadFileParser parser;
    private final ColumnMapping configured;

    CsvLeadFileReader(LeadFileParser parser, ColumnMapping configured) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.configured = Objects.requireNonNull(configured, "configured");
    }

    CsvLeadFileReader(LeadFileParser parser) {
        this(parser, ColumnMapping.none());
    }

    @Override
    public LeadFileLayout read(InputStream file, ColumnMapping mapping, Consumer<LeadRow> rows) {
        LeadFile leads;
        try {
            leads = parser.open(file, configured.overriddenBy(mapping));
        } catch (InvalidLeadFileException e) {
            throw new BadLeadFileException(e.getMessage());
        }
        try (leads;
                Stream<LeadRow> stream = leads.rows()) {
            stream.forEach(rows);
        }
        return leads.layout();
    }
}
