package io.recruitflow.application.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void httpsIsAcceptedAndNothingElseOutsideLoopback() {
        assertThat(Subscription.check(URI.create("https://hooks.example.com/recruitflow"), false))
                .isEmpty();
        assertThat(Subscription.check(URI.create("http://hooks.example.com/recruitflow"), true))
                .as("plain http to a remote host, even in development")
                .hasValueSatisfying(p -> assertThat(p).contains("must be https"));
        assertThat(Subscription.check(URI.create("ftp://hooks.example.com/x"), true))
                .isPresent();
        assertThat(Subscription.check(URI.create("/relative"), true)).isPresent();
        assertThat(Subscription.check(URI.create("https://user:pass@hooks.example.com/"), false))
                .hasValueSatisfying(p -> assertThat(p).contains("credentials"));
        assertThat(Subscription.check(URI.create("https://hooks.example.com/#frag"), false))
                .isPresent();
    }

    @Test
    void httpToLoopbackOnlyWhenDevelopmentAllowsIt() {
        for (String url : List.of(
                "http://localhost:9000/hook",
                "http://127.0.0.1:9000/hook",
                "http://127.3.2.1/hook",
                "http://[::1]:9000/hook")) {
            assertThat(Subscription.check(URI.create(url), true)).as(url).isEmpty();
            assertThat(Subscription.check(URI.create(url), false))
                    .as(url + " without the development switch")
                    .hasValueSatisfying(p -> assertThat(p).contains("RECRUITFLOW_EVENTS_ALLOW_LOOPBACK_HTTP"));
        }
        // A name that merely looks local, and a private address, are not loopback.
        assertThat(Subscription.check(URI.create("http://localhost.example.com/hook"), true))
                .isPresent();
        assertThat(Subscription.check(URI.create("http://10.0.0.1/hook"), true)).isPresent();
        assertThat(Subscription.check(URI.create("http://0x7f000001/hook"), true))
                .isPresent();
    }

    @Test
    void aSubscriptionIsCheckedWhenConfiguredAndNeverShowsItsSecret() {
        Subscription s = Subscription.of("crm", "https://hooks.example.com/x", SECRET, false);
        assertThat(s.toString()).doesNotContain(SECRET.substring(6)).contains("whsec_****");
        assertThatThrownBy(() -> Subscription.of("crm", "http://hooks.example.com/x", SECRET, true))
                .hasMessageContaining("https")
                .hasMessageNotContaining("hooks.example.com");
        assertThatThrownBy(() -> Subscription.of("crm", "https://h.example.com/", "secret", false))
                .hasMessageContaining("whsec_");
        assertThatThrownBy(() -> Subscription.of(
                        "crm",
                        "https://h.example.com/",
                        "whsec_" + Base64.getEncoder().encodeToString(new byte[8]),
                        false))
                .hasMessageContaining("24 to 64 bytes");
        assertThatThrownBy(() -> Subscription.of("bad name", "https://h.example.com/", SECRET, false))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> new Subscriptions(
                        List.of(
                                Subscription.of("crm", "https://a.example.com/", SECRET, false),
                                Subscription.of("crm", "https://b.example.com/", SECRET, false)),
                        false))
                .hasMessageContaining("two subscriptions");
        assertThatThrownBy(() -> new Subscriptions(
                        List.of(new Subscription("dev", URI.create("http://localhost/"), SECRET)), false))
                .as("the registry checks again")
                .hasMessageContaining("loopback");
    }
}
