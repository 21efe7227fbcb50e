package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.recruit.LeadInput;
import io.recruitflow.domain.recruit.Npn;
import io.recruitflow.domain.recruit.RecruitId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Leads as state license data gives them: names in capitals, the producer's NPN, the license's expiration. */
class LeadsFromLicenseDataTest {

    static LeadInput licensed(String first, String last, String phone, String email, String npn, String expires) {
        return new LeadInput(
                first, last, email, phone, "TX", "TX-2081736", List.of("Life"), npn, expires, null, Map.of());
    }

    private static IntakeAcceptance accept(World w, LeadInput lead) {
        return w.intake.accept(new IntakeRecruitCommand(InMemoryGhl.LOCATION, lead));
    }

    @Test
    void aRecruitFromCapitalsIsGreetedByItsNameInProperCaseAndItsNpnGoesToTheContact() {
        World w = new World(IntakeSagaTest.AFTERNOON);

        RecruitId id = w.accept(licensed("CODY", "MCDONALD", "(214) 555-0111", null, "0012345678", "12/31/2027"));
        w.runJobs();

        assertThat(w.recruit(id).license().npn()).contains(new Npn("12345678"));
        assertThat(w.recruit(id).license().expires()).contains(LocalDate.of(2027, 12, 31));
        Contact contact = w.ghl.contacts().get(0);
        assertThat(contact.firstName()).isEqualTo("Cody");
        assertThat(contact.lastName()).isEqualTo("McDonald");
        assertThat(contact.customFields()).contains(new CustomFieldValue("cf_npn", "12345678"));
        assertThat(w.ghl.sentMessages())
                .singleElement()
                .satisfies(m -> assertThat(m.body()).startsWith("Hi Cody, "));
    }

    @Test
    void aLeadWithAKnownNpnIsTheSameRecruitEvenWithANewPhoneAndEmail() {
        World w = new World(IntakeSagaTest.AFTERNOON);
        RecruitId first = w.accept(licensed("Cody", "Ramirez", "(214) 555-0111", "cody@example.com", "12345678", null));
        w.runJobs();

        IntakeAcceptance again =
                accept(w, licensed("CODY", "RAMIREZ", "(512) 555-0199", "c.ramirez@example.org", "12345678", null));
        w.runJobs();

        assertThat(again).isEqualTo(new IntakeAcceptance.AlreadyKnown(first));
        assertThat(w.ghl.contacts()).hasSize(1);
        assertThat(w.ghl.sentMessages()).hasSize(1);
    }

    @Test
    void anExpiredLicenseIsRejectedAndNothingReachesGhl() {
        World w = new World(IntakeSagaTest.AFTERNOON);

        IntakeAcceptance outcome = accept(w, licensed("Cody", "Ramirez", "(214) 555-0111", null, null, "1/31/2026"));
        w.runJobs();

        assertThat(outcome).isEqualTo(new IntakeAcceptance.Rejected("the license expired on 2026-01-31"));
        assertThat(w.ghl.contacts()).isEmpty();
    }

    @Test
    void theLicenseExpirationGoesToItsCustomFieldWhenOneIsConfigured() {
        var defaults = io.recruitflow.application.setup.RecruitingSettings.defaults();
        Map<String, String> ids = new java.util.HashMap<>(defaults.customFieldIds());
        ids.put("licenseExpiration", "cf_license_expires");
        World w = new World(IntakeSagaTest.AFTERNOON, defaults.withCustomFieldIds(ids));

        w.accept(licensed("Cody", "Ramirez", "(214) 555-0111", null, null, "2027-12-31"));
        w.runJobs();

        assertThat(w.ghl.contacts().get(0).customFields())
                .contains(new CustomFieldValue("cf_license_expires", "2027-12-31"));
    }
}
