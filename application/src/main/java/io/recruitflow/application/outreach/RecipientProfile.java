package io.recruitflow.application.outreach;

import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.message.Recipient;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.PhoneNumbers;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Who a recruit is as a message recipient. Their time zone is the contact's own when GHL has one, else
 * the phone number's (all of them when the number spans two zones), else the configured fallback.
 */
@Singleton
public class RecipientProfile {
    private final PhoneNumbers phoneNumbers;
    private final RecruitingSettings settings;

    @Inject
    public RecipientProfile(PhoneNumbers phoneNumbers, RecruitingSettings settings) {
        this.phoneNumbers = phoneNumbers;
        this.settings = settings;
    }

    public Recipient of(Recruit recruit) {
        return new Recipient(
                zonesOf(recruit),
                Optional.of(recruit.license().state()),
                recruit.consent().dnd(),
                recruit.consent().optedOut());
    }

    public Set<ZoneId> zonesOf(Recruit recruit) {
        if (recruit.timeZone().isPresent()) {
            return Set.of(recruit.timeZone().get());
        }
        Set<ZoneId> byPhone = recruit.phone().map(phoneNumbers::timeZones).orElse(Set.of());
        return byPhone.isEmpty() ? Set.of(settings.fallbackZone()) : byPhone;
    }
}
