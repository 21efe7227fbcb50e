package io.recruitflow.adapter.leadfile;

import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.application.importleads.LeadRow;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The application's {@link LeadFileReader} on the CSV {@link LeadFileParser}: streams rows, never the whole file. */
final class CsvLeadFileReader implements LeadFileReader {
    private final LeadFileParser parser;

    CsvLeadFileReader(LeadFileParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    @Override
    public void read(InputStream file, Consumer<LeadRow> rows) {
        LeadFile leads;
        try {
            leads = parser.open(file);
        } catch (InvalidLeadFileException e) {
            throw new BadLeadFileException(e.getMessage());
        }
        try (leads;
                Stream<LeadRow> stream = leads.rows()) {
            stream.forEach(rows);
        }
    }
}
