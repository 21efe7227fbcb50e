package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.NameCase;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.PhoneNumbers;
import io.recruitflow.domain.shared.UsState;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a lead must pass to become a recruit. They never throw on bad input: every problem
 * becomes a {@link LeadDecision.Rejected} whose reason names the fields at fault.
 *
 * <p>Names are normalised ({@link NameCase}: white space collapsed, capitals-only names in proper case). An
 * NPN, when given, must be one ({@link Npn}). A license expiration date, when given, is read in the forms lead
 * sources and spreadsheets write ({@code M/d/yyyy}, {@code yyyy-MM-dd}, {@code MM-dd-yyyy}); a license whose
 * expiration date is over everywhere in the US (the day is judged in American Samoa, the last US time zone,
 * UTC−11) is expired and the lead is rejected.
 */
public final class LeadRules {
    /** The last US time zone: a license valid through a date is valid until that date ends here. */
    static final ZoneId LAST_US_ZONE = ZoneId.of("Pacific/Pago_Pago");

    private static final List<DateTimeFormatter> EXPIRATION_FORMATS = List.of(
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("M-d-uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final PhoneNumbers phoneNumbers;
    private final Clock clock;

    public LeadRules(PhoneNumbers phoneNumbers, Clock clock) {
        this.phoneNumbers = Objects.requireNonNull(phoneNumbers, "phoneNumbers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Rules that judge license expiration against the system clock. */
    public LeadRules(PhoneNumbers phoneNumbers) {
        this(phoneNumbers, Clock.system());
    }

    public LeadDecision decide(LeadInput input) {
        List<String> problems = new ArrayList<>();

        PersonName name = null;
        try {
            name = new PersonName(NameCase.normalize(input.firstName()), NameCase.normalize(input.lastName()));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }

        Optional<PhoneNumber> phone = Optional.empty();
        if (!blank(input.phone())) {
            phone = phoneNumbers.parse(input.phone());
            if (phone.isEmpty()) {
                problems.add("phone '" + input.phone().strip() + "' is not a valid phone number");
            }
        }

        Optional<EmailAddress> email = Optional.empty();
        if (!blank(input.email())) {
            email = EmailAddress.parse(input.email());
            if (email.isEmpty()) {
                problems.add("email '" + input.email().strip() + "' is not an email address");
            }
        }

        if (blank(input.phone()) && blank(input.email())) {
            problems.add("a lead needs a phone or an email");
        }

        Optional<UsState> state = Optional.empty();
        if (blank(input.licenseState())) {
            problems.add("license state is missing");
        } else {
            state = UsState.parse(input.licenseState());
            if (state.isEmpty()) {
                problems.add("license state '" + input.licenseState().strip() + "' is not a US state or territory");
            }
        }

        Set<LicenseType> types = new LinkedHashSet<>();
        for (String raw : input.licenseTypes()) {
            if (blank(raw)) {
                continue;
            }
            try {
                types.add(new LicenseType(raw));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }

        Optional<Npn> npn = Optional.empty();
        if (!blank(input.npn())) {
            npn = Npn.parse(input.npn());
            if (npn.isEmpty()) {
                problems.add("NPN '" + input.npn().strip() + "' is not a National Producer Number (1 to 10 digits)");
            }
        }

        Optional<LocalDate> expires = Optional.empty();
        if (!blank(input.licenseExpiration())) {
            expires = date(input.licenseExpiration().strip());
            if (expires.isEmpty()) {
                problems.add("license expiration '" + input.licenseExpiration().strip()
                        + "' is not a date (M/d/yyyy, yyyy-MM-dd or MM-dd-yyyy)");
            } else if (expires.get().isBefore(LocalDate.ofInstant(clock.now(), LAST_US_ZONE))) {
                problems.add("the license expired on " + expires.get());
            }
        }

        if (!problems.isEmpty()) {
            return new LeadDecision.Rejected(String.join("; ", problems));
        }
        License license =
                new License(state.orElseThrow(), Optional.ofNullable(input.licenseNumber()), types, npn, expires);
        return new LeadDecision.Accepted(new Lead(name, email, phone, license, input.source(), input.extra()));
    }

    /** A date as lead files write them ({@code M/d/yyyy}, {@code yyyy-MM-dd}, {@code MM-dd-yyyy}), if it is one. */
    public static Optional<LocalDate> date(String text) {
        if (text == null) {
            return Optional.empty();
        }
        text = text.strip();
        for (DateTimeFormatter format : EXPIRATION_FORMATS) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeException notThisFormat) {
                // try the next one
            }
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
