package io.recruitflow.bootstrap.cli;

import io.recruitflow.application.importleads.ImportPreview;
import io.recruitflow.application.importleads.LeadFileLayout;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.PhoneNumber;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a lead file was read and, for a dry run, what its import would send, as text. Phone numbers and emails
 * are masked as in logs ({@link PhoneNumber#masked()}, {@link EmailAddress#masked()}); of the custom fields
 * only the license fields show their values, the extra columns of the file show that they are set.
 */
public final class LeadFilePrinter {
    private final PrintStream out;

    public LeadFilePrinter(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** One line: the encoding and what each column gave. */
    public static String summary(LeadFileLayout layout) {
        return "read as " + layout.encoding().label() + "; columns: "
                + layout.columns().stream().map(LeadFilePrinter::column).collect(Collectors.joining(", "));
    }

    private static String column(LeadFileLayout.Column c) {
        return "'" + c.header() + "' → " + c.use() + (c.mapped() ? " (mapped)" : "");
    }

    /**
     * The dry run: encoding, columns, the sample as it would be sent, the duplicates and every rejected row.
     *
     * @param licenseFields the custom field ids of the license fields, whose values are shown
     */
    public void dryRun(Path file, ImportPreview preview, Collection<String> licenseFields) {
        out.printf("%s — dry run: nothing is stored and GHL is not called%n", file.getFileName());
        preview.layout().ifPresent(layout -> {
            out.printf("Encoding: %s%n", layout.encoding().label());
            out.println("Columns (file column → field):");
            int width = layout.columns().stream()
                    .mapToInt(c -> c.header().length() + 2)
                    .max()
                    .orElse(0);
            for (LeadFileLayout.Column c : layout.columns()) {
                out.printf(
                        "  %-" + Math.max(width, 1) + "s → %s%s%n",
                        "'" + c.header() + "'",
                        c.use(),
                        c.mapped() ? " (mapped)" : "");
            }
        });
        out.printf(
                "%d rows → %d leads would be accepted, %d repeat an earlier row, %d rejected%n",
                preview.rows(),
                preview.accepted(),
                preview.duplicates().size(),
                preview.rejected().size());
        if (!preview.sample().isEmpty()) {
            out.printf(
                    "%nThe first %d as they will be sent:%n", preview.sample().size());
            Set<String> shown = Set.copyOf(licenseFields);
            for (ImportPreview.Sample s : preview.sample()) {
                sample(s, shown);
            }
        }
        if (!preview.duplicates().isEmpty()) {
            out.printf("%nRows repeating an earlier row (the import counts them as already known):%n");
            preview.duplicates().forEach(d -> out.printf("  row %d: the recruit of row %d%n", d.row(), d.sameAs()));
        }
        if (!preview.rejected().isEmpty()) {
            out.printf("%nRejected rows:%n");
            preview.rejected().forEach(r -> out.printf("  row %d: %s%n", r.row(), r.reason()));
        }
        out.printf("%nRecruits already known from earlier imports are not looked up by a dry run.%n");
    }

    private void sample(ImportPreview.Sample s, Set<String> licenseFields) {
        var contact = s.contact();
        String name = (contact.firstName() + " " + contact.lastName()).strip();
        StringBuilder line = new StringBuilder("  row " + s.row() + ": " + name);
        line.append(" · ").append(s.lead().license().state().code());
        contact.phone().ifPresent(p -> line.append(" · phone ").append(p.masked()));
        contact.email().ifPresent(e -> line.append(" · email ").append(e.masked()));
        s.lead().license().npn().ifPresent(n -> line.append(" · NPN ").append(n.value()));
        s.lead()
                .license()
                .expires()
                .ifPresent(d -> line.append(" · license expires ").append(d));
        out.println(line);
        out.printf("      tags: %s%n", contact.tags().stream().sorted().collect(Collectors.joining(", ")));
        if (!contact.customFields().isEmpty()) {
            out.printf(
                    "      custom fields: %s%n",
                    contact.customFields().stream()
                            .map(f -> field(f, licenseFields))
                            .collect(Collectors.joining(", ")));
        }
        if (s.intro().channel() == Channel.SMS) {
            out.printf("      text: %s%n", s.intro().body());
        } else {
            out.printf("      email (no phone): \"%s\"%n", s.intro().subject().orElse(""));
        }
    }

    private static String field(CustomFieldValue f, Set<String> licenseFields) {
        return f.fieldId() + "=" + (licenseFields.contains(f.fieldId()) ? f.value() : "(set)");
    }
}
