package io.recruitflow.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueObjectsTest {
    @Test
    void phoneNumbersAreE164AndMaskedInLogs() {
        PhoneNumber phone = new PhoneNumber("+14075551234");
        assertThat(phone.toString()).isEqualTo("+*******1234").doesNotContain("407");
        assertThatThrownBy(() -> new PhoneNumber("4075551234")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emailsAreNormalisedAndMasked() {
        EmailAddress email = new EmailAddress("  John.Smith@Example.COM ");
        assertThat(email).isEqualTo(new EmailAddress("john.smith@example.com"));
        assertThat(email.toString()).isEqualTo("j***@example.com");
        assertThat(EmailAddress.parse("no-at-sign")).isEmpty();
    }

    @Test
    void usStatesIncludeTerritories() {
        assertThat(UsState.parse("gu")).contains(UsState.GU);
        assertThat(UsState.parse("new  york")).contains(UsState.NY);
        assertThat(UsState.parse("ZZ")).isEmpty();
        assertThat(UsState.values()).hasSize(56);
    }
}
