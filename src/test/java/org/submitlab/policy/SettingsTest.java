package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One home for each setting: the catalogue covers every field, reads back what it writes, and refuses what is out of range. */
class SettingsTest {

    static Stream<Setting<?>> settings() {
        return Settings.all().stream();
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Test
    void everyFieldOfTheSettingsRecordsHasExactlyOneSetting() {
        List<List<String>> paths = Settings.all().stream().map(Setting::path).toList();

        for (String c : components(TenantSettings.class)) {
            if (!c.equals("limits") && !c.equals("rules")) {
                assertThat(paths).as(c).containsOnlyOnce(List.of(c));
            }
        }
        for (String c : components(Limits.class)) {
            if (!c.equals("connections")) {
                assertThat(paths).as(c).containsOnlyOnce(List.of("limits", c));
            }
        }
        for (String c : components(ConnectionLimits.class)) {
            assertThat(paths).as(c).containsOnlyOnce(List.of("limits", "connections", c));
        }
        for (String c : components(TenantRules.class)) {
            assertThat(paths).as(c).containsOnlyOnce(List.of("rules", c));
        }
        assertThat(paths).hasSize(components(TenantSettings.class).size() - 2 + components(Limits.class).size() - 1
                + components(ConnectionLimits.class).size() + components(TenantRules.class).size());
    }

    @Test
    void keysAndOptionsAreUnique() {
        assertThat(Settings.all()).extracting(Setting::key).doesNotHaveDuplicates();
        assertThat(Settings.all()).extracting(Setting::option).doesNotHaveDuplicates()
                .contains("--recipients-per-day", "--concurrent-per-mailbox", "--smtp-auth", "--profile",
                        "--connections-per-address", "--basic-auth", "--legacy-tls", "--send-as-check", "--licences");
    }

    @ParameterizedTest
    @MethodSource("settings")
    <T> void theDefaultsAreTheSettingsDefaultsAndReadBackFromTheirText(Setting<T> s) {
        T value = s.get(TenantSettings.defaults());

        assertThat(value).isEqualTo(s.defaultValue());
        assertThat(s.parse(s.format(value))).isEqualTo(value);
        assertThat(s.description()).contains(s.exchange());
    }

    @Test
    void aChangeKeepsEveryOtherSetting() {
        TenantSettings changed = TenantSettings.defaults().with(Settings.CONNECTIONS_PER_ADDRESS, 7)
                .with(Settings.RECIPIENTS_PER_DAY, 20).with(Settings.PROFILE, Profile.EXCHANGE_ONLINE_2018);

        assertThat(changed.limits().connections().perAddress()).isEqualTo(7);
        assertThat(changed.limits().recipientsPerDay()).isEqualTo(20);
        assertThat(changed.profile()).isEqualTo(Profile.EXCHANGE_ONLINE_2018);
        assertThat(changed.limits().connections().maxConnections()).isEqualTo(Settings.MAX_CONNECTIONS.defaultValue());
        assertThat(changed.hostName()).isEqualTo(TenantSettings.DEFAULT_HOST);
    }

    @Test
    void valuesOutOfRangeAreRefusedWithTheRangeAndNeverClamped() {
        assertThatThrownBy(() -> Settings.withText(TenantSettings.defaults(), Settings.RECIPIENTS_PER_DAY, "10001"))
                .hasMessage("Recipients per day must be between 1 and 10,000, was 10001");
        assertThatThrownBy(() -> Settings.withText(TenantSettings.defaults(), Settings.LOCKOUT_FOR, "0s"))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> Settings.withText(TenantSettings.defaults(), Settings.HOST_NAME, "  "))
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> Settings.withText(TenantSettings.defaults(), Settings.CONCURRENT_PER_MAILBOX, "3.5"))
                .hasMessageContaining("whole number");
    }

    @Test
    void textIsReadTheWayPeopleWriteIt() {
        TenantSettings s = TenantSettings.defaults();
        s = Settings.withText(s, Settings.SEND_LIMIT, "20MB");
        s = Settings.withText(s, Settings.RECIPIENTS_PER_DAY, "5,000");
        s = Settings.withText(s, Settings.IDLE_TIMEOUT, "90s");
        s = Settings.withText(s, Settings.SMTP_AUTH, "off");
        s = Settings.withText(s, Settings.PROFILE, "exchange-online-2018");

        assertThat(s.limits().sendLimitBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(s.limits().recipientsPerDay()).isEqualTo(5_000);
        assertThat(s.limits().idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.smtpAuthEnabled()).isFalse();
        assertThat(s.profile()).isEqualTo(Profile.EXCHANGE_ONLINE_2018);
    }

    @Test
    void theScenarioFormatDocumentsEveryLimit() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "scenarios.md"));

        assertThat(Settings.limits()).allSatisfy(s -> assertThat(doc).contains("`" + s.key() + "`"));
    }
}
