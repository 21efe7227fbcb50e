package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.NameCase;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.PhoneNumbers;
import io.recruitflow.domain.shared.UsState;
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
 * <p>Names are normalised ({@link NameCase}: white space collapsed, capitals-only names in proper case).
 */
public final class LeadRules {
    private final PhoneNumbers phoneNumbers;

    public LeadRules(PhoneNumbers phoneNumbers) {
        this.phoneNumbers = Objects.requireNonNull(phoneNumbers, "phoneNumbers");
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

        if (!problems.isEmpty()) {
            return new LeadDecision.Rejected(String.join("; ", problems));
        }
        License license = new License(state.orElseThrow(), Optional.ofNullable(input.licenseNumber()), types);
        return new LeadDecision.Accepted(new Lead(name, email, phone, license, input.source(), input.extra()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
