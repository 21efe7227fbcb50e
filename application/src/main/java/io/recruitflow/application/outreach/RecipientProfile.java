package io.recruitflow.application.outreach;

import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.message.AreaCodes;
import io.recruitflow.domain.message.Recipient;
import io.recruitflow.domain.message.Whereabouts;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.PhoneNumbers;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.Comparator;
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

    /**
     * Where the recruit may be, for the compliance rules: the state(s) and every zone of the phone's area code
     * (Florida presumes a Florida area code is a Florida resident), the contact's address state and the license
     * state, and the contact's own zone when GHL has one — added together, never one replacing another; with no zone known at all, every
     * zone of the contiguous United States.
     */
    public Recipient of(Recruit recruit) {
        return Recipient.at(
                whereabouts(recruit), recruit.consent().dnd(), recruit.consent().optedOut());
    }

    /** Every zone the recruit may be in (see {@link #of}). */
    public Set<ZoneId> zonesOf(Recruit recruit) {
        return Set.copyOf(whereabouts(recruit).zoneIds());
    }

    /**
     * One zone to show the recruit's times in, or to book in when the calendar names none: the contact's own,
     * else the phone's, else the configured fallback.
     */
    public ZoneId displayZoneOf(Recruit recruit) {
        return recruit.timeZone()
                .or(() -> recruit.phone()
                        .flatMap(AreaCodes::of)
                        .flatMap(code -> code.zones().stream().findFirst()))
                .or(() -> recruit.phone()
                        .map(phoneNumbers::timeZones)
                        .flatMap(z -> z.stream().min(Comparator.comparing(ZoneId::getId))))
                .orElse(settings.fallbackZone());
    }

    /**
     * Where the recruit may be, each state and zone with why: the phone's area code, the contact's address state
     * and the license state; the contact's zone and the area code's zones (see {@link #of}).
     */
    public Whereabouts whereabouts(Recruit recruit) {
        return Whereabouts.of(
                recruit.phone(), Optional.of(recruit.license().state()), recruit.addressState(), recruit.timeZone());
    }
}
