package io.recruitflow.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.routing.RoutingSettings;
import io.recruitflow.domain.recruit.Lead;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import io.recruitflow.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routing.* and tiers.* settings: off by default, read as configured, every mistake named by its variable. */
class RoutingSettingsConfigTest {
    @Test
    void routingIsOffByDefault() {
        RoutingSettings routing = RecruitflowConfig.routing(Settings.load(Optional.empty(), Map.of()));
        assertThat(routing.assigns()).isFalse();
        assertThat(routing.tiers().any()).isFalse();
    }

    @Test
    void everyRuleIsRead() {
        RoutingSettings routing = RecruitflowConfig.routing(Settings.load(
                Optional.empty(),
                Map.of(
                        "RECRUITFLOW_ROUTING_STRATEGY", "territory, source, round-robin",
                        "RECRUITFLOW_ROUTING_USERS", "user_ana456,user_ben789,user_cara012",
                        "RECRUITFLOW_ROUTING_TERRITORIES", "FL=user_ana456,Georgia=user_ben789",
                        "RECRUITFLOW_ROUTING_SOURCES", "Referral=user_cara012",
                        "RECRUITFLOW_ROUTING_FALLBACK", "user_gary123",
                        "RECRUITFLOW_TIER_RULES", "A:License Date<30d,B:state=FL|GA",
                        "RECRUITFLOW_TIER_DEFAULT", "c",
                        "RECRUITFLOW_LEAD_EXTRA_COLUMNS", "License Date=cf_licensed_on")));
        assertThat(routing.strategies())
                .containsExactly(
                        RoutingSettings.Strategy.TERRITORY,
                        RoutingSettings.Strategy.SOURCE,
                        RoutingSettings.Strategy.ROUND_ROBIN);
        assertThat(routing.pool())
                .containsExactly(new UserId("user_ana456"), new UserId("user_ben789"), new UserId("user_cara012"));
        assertThat(routing.territories())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(UsState.FL, new UserId("user_ana456"), UsState.GA, new UserId("user_ben789")));
        assertThat(routing.sources()).containsEntry("referral", new UserId("user_cara012"));
        assertThat(routing.fallback()).contains(new UserId("user_gary123"));
        Lead licensedLastWeek = new Lead(
                new PersonName("Ann", "Lee"),
                Optional.empty(),
                Optional.of(new PhoneNumber("+14075550100")),
                new License(UsState.TX, Optional.empty(), Set.of(new LicenseType("Life"))),
                "PropHog",
                Map.of("cf_licensed_on", "2026-11-24"));
        assertThat(routing.tiers().tierOf(licensedLastWeek, Instant.parse("2026-12-01T12:00:00Z")))
                .as("the column named by its header")
                .contains('A');
        assertThat(routing.tiers().fallback()).contains('C');
    }

    @Test
    void theTierCustomFieldIsAKnownField() {
        assertThat(RecruitflowConfig.recruiting(Settings.load(
                                Optional.empty(), Map.of("RECRUITFLOW_INTAKE_CUSTOM_FIELDS", "tier=cf_tier")))
                        .customFieldIds())
                .containsEntry("tier", "cf_tier");
    }

    @Test
    void everyMistakeIsSaidAtOnceNamingItsVariable() {
        Settings settings = Settings.load(
                Optional.empty(),
                Map.of(
                        "RECRUITFLOW_ROUTING_STRATEGY", "round-robin,by-mood",
                        "RECRUITFLOW_ROUTING_USERS", "user_ana456,ana@example.com",
                        "RECRUITFLOW_ROUTING_TERRITORIES", "XX=user_ana456,FL",
                        "RECRUITFLOW_ROUTING_FALLBACK", "Gary Owens",
                        "RECRUITFLOW_TIER_RULES", "A:state=FL,AB:state=GA"));
        assertThatThrownBy(() -> RecruitflowConfig.routing(settings))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("RECRUITFLOW_ROUTING_STRATEGY: unknown routing rule 'by-mood'")
                .hasMessageContaining("RECRUITFLOW_ROUTING_USERS: 'ana@example.com' is not a GHL user id")
                .hasMessageContaining("RECRUITFLOW_ROUTING_TERRITORIES: 'FL' is not name=value")
                .hasMessageContaining("RECRUITFLOW_ROUTING_FALLBACK: 'Gary Owens' is not a GHL user id")
                .hasMessageContaining("RECRUITFLOW_TIER_RULES: a tier is one letter A-Z, not 'AB'");
        assertThatThrownBy(() -> RecruitflowConfig.from(settings))
                .as("the start stops")
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("RECRUITFLOW_ROUTING_USERS");
    }

    @Test
    void aRuleWithoutItsUsersIsRefusedNamingTheSettingToSet() {
        assertThatThrownBy(() -> RecruitflowConfig.routing(
                        Settings.load(Optional.empty(), Map.of("RECRUITFLOW_ROUTING_STRATEGY", "round-robin"))))
                .hasMessageContaining("round-robin needs the users")
                .hasMessageContaining("set RECRUITFLOW_ROUTING_USERS");
        assertThatThrownBy(() -> RecruitflowConfig.routing(
                        Settings.load(Optional.empty(), Map.of("RECRUITFLOW_ROUTING_STRATEGY", "territory"))))
                .hasMessageContaining("set RECRUITFLOW_ROUTING_TERRITORIES");
        assertThatThrownBy(() -> RecruitflowConfig.routing(Settings.load(
                        Optional.empty(),
                        Map.of(
                                "RECRUITFLOW_ROUTING_STRATEGY",
                                "round-robin",
                                "RECRUITFLOW_ROUTING_USERS",
                                "user_a,user_a"))))
                .hasMessageContaining("twice");
        assertThat(List.of(RoutingSettings.Strategy.values())).hasSize(3);
    }
}
