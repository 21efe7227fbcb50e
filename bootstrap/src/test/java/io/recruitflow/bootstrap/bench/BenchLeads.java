package io.recruitflow.bootstrap.bench;

import io.recruitflow.domain.recruit.LeadInput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Generated, reproducible licensed-agent leads for the intake benchmark: a fixed seed, unique emails, and
 * valid US numbers of the form {@code +1 AAA 555-01XX} (the fictional range, which libphonenumber accepts)
 * spread over several area codes, so every lead is a distinct person.
 */
final class BenchLeads {
    /** Area codes of the burst file (100 numbers each) and, last, of the trickle leads. */
    private static final String[] AREA_CODES = {
        "212", "305", "312", "415", "512", "602", "617", "713", "404", "206", "303", "503", "615", "702", "801"
    };

    private static final String[] FIRST = {
        "Maria", "James", "Angela", "Darnell", "Priya", "Tomás", "Keisha", "Wei", "Olivia", "Marcus", "Fatima", "Ethan",
        "Grace", "Andre", "Sofia", "Liam"
    };
    private static final String[] LAST = {
        "Gonzalez",
        "Whitaker",
        "Brooks",
        "Price",
        "Patel",
        "Reyes",
        "Johnson",
        "Chen",
        "Nguyen",
        "Carter",
        "Haddad",
        "Miller",
        "Kim",
        "Dubois",
        "Rossi",
        "O'Neil"
    };
    private static final String[] STATES = {"TX", "CA", "NY", "IL", "AZ", "GA", "WA", "CO", "NV", "OH"};
    private static final String[] TYPES = {"Life", "Health", "Life;Health", "Life;Annuity"};

    /** One lead: what a lead source would send. */
    record Lead(
            String first, String last, String email, String phone, String state, String licenseNumber, String types) {
        LeadInput toInput() {
            return new LeadInput(
                    first, last, email, phone, state, licenseNumber, List.of(types.split(";")), "PropHog", Map.of());
        }
    }

    private BenchLeads() {}

    /**
     * {@code count} leads numbered from {@code firstIndex}; index {@code i} uses area code
     * {@code AREA_CODES[i / 100]}, so disjoint index ranges are disjoint people.
     */
    static List<Lead> generate(int firstIndex, int count) {
        if ((firstIndex + count) > AREA_CODES.length * 100) {
            throw new IllegalArgumentException("at most " + AREA_CODES.length * 100 + " distinct leads");
        }
        Random random = new Random(20261128L + firstIndex);
        List<Lead> leads = new ArrayList<>(count);
        for (int i = firstIndex; i < firstIndex + count; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String phone = String.format("+1%s55501%02d", AREA_CODES[i / 100], i % 100);
            String email =
                    (first + "." + last).toLowerCase().replace("'", "").replace("á", "a") + "." + i + "@example.com";
            leads.add(new Lead(
                    first,
                    last,
                    email,
                    phone,
                    STATES[random.nextInt(STATES.length)],
                    "W" + (100000 + random.nextInt(900000)),
                    TYPES[random.nextInt(TYPES.length)]));
        }
        return leads;
    }

    /**
     * {@code count} leads numbered from {@code firstIndex}, for runs that need more than {@link #generate}'s
     * 1,500: {@code +1 AAA EEE-LLLL} with exchanges 234…989 (never N11 or 555), so up to 70 million distinct
     * people, and an email with the number in it. Disjoint index ranges are disjoint people.
     */
    static List<Lead> numbered(int firstIndex, int count) {
        Random random = new Random(20261201L + firstIndex);
        List<Lead> leads = new ArrayList<>(count);
        for (int p = firstIndex; p < firstIndex + count; p++) {
            int exchange = 234 + (p / 10_000) % 700;
            if (exchange % 100 == 11 || exchange == 555) {
                exchange += 1;
            }
            String phone = "+1" + AREA_CODES[(p / 7_000_000) % AREA_CODES.length] + exchange
                    + String.format("%04d", p % 10_000);
            leads.add(new Lead(
                    FIRST[random.nextInt(FIRST.length)],
                    LAST[random.nextInt(LAST.length)],
                    "agent." + p + "@example.com",
                    phone,
                    STATES[random.nextInt(STATES.length)],
                    "W" + (100000 + random.nextInt(900000)),
                    TYPES[random.nextInt(TYPES.length)]));
        }
        return leads;
    }

    /** The leads as a lead file, in the column names of {@code examples/leads.csv}. */
    static byte[] csv(List<Lead> leads) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.DEFAULT
                .builder()
                .setHeader(
                        "First Name", "Last Name", "Email", "Phone", "License State", "License Number", "License Type")
                .build()
                .print(out)) {
            for (Lead l : leads) {
                printer.printRecord(l.first(), l.last(), l.email(), l.phone(), l.state(), l.licenseNumber(), l.types());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
