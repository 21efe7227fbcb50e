package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A lead that passed the lead rules: a name, a phone or an email (or both), and a license. */
public record Lead(
        PersonName name,
        Optional<EmailAddress> email,
        Optional<PhoneNumber> phone,
        License license,
        String source,
        Map<String, String> extra) {
    public Lead {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(license, "license");
        if (email.isEmpty() && phone.isEmpty()) {
            throw new IllegalArgumentException("a lead needs a phone or an email");
        }
        source = source == null || source.isBlank() ? "PropHog" : source.strip();
        extra = Map.copyOf(extra);
    }
}
