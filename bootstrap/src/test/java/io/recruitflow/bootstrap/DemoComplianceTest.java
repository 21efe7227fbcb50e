package io.recruitflow.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The demo shows a text that waits because of the area code's state, not the license state: a Georgia-licensed
 * agent with a Miami (305) number at 20:30 Eastern, allowed in Georgia, not in Florida (8 p.m.), with the
 * decision's rule and source from the compliance record.
 */
class DemoComplianceTest {
    @Test
    void aGeorgiaLicenseWithAMiamiNumberWaitsForFloridasMorningAndTheDemoSaysWhy() {
        String out = CliTest.run(
                0,
                "demo",
                "--in-memory",
                "--leads",
                Path.of("..", "examples", "leads.csv").toString());

        assertThat(out)
                .containsPattern(
                        "Terrence Walker\\s+GA text deferred until Fri 08:00 EST \\(FL: texts only 08:00–20:00")
                .contains("licensed in GA, but the number's area code 305 is Florida's, so Florida's rules apply too"
                        + " — on the record: defer by FL.hours (Fla. Stat. § 501.616(6)");
        assertThat(out).contains("36 rows → 31 new recruits, 2 already known, 3 rejected");
        assertThat(out).contains("31 of 31 intros now sent");
    }
}
