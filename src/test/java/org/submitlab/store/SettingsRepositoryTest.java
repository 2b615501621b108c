package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.Limits;
import org.submitlab.policy.Profile;
import org.submitlab.policy.Settings;
import org.submitlab.policy.TenantSettings;

class SettingsRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void loadGivesTheDefaultsWhenNothingWasSaved() {
        try (Store store = Store.open(dir)) {
            assertThat(store.settings().load()).isEqualTo(TenantSettings.defaults());
        }
    }

    @Test
    void savedSettingsRoundTripEveryFieldAcrossAReopen() {
        Limits limits = Limits.defaults().with(Settings.CONCURRENT_PER_MAILBOX, 5).with(Settings.COUNT_WHOLE_CONNECTIONS, true)
                .with(Settings.RECIPIENTS_PER_DAY, 20).with(Settings.MESSAGES_PER_MINUTE, 7).with(Settings.REJECT_OVER_RATE, true)
                .with(Settings.RECIPIENTS_PER_MESSAGE, 3).with(Settings.MAX_MESSAGE_SIZE, (long) (4_096)).with(Settings.SEND_LIMIT, (long) (2_048))
                .with(Settings.QUOTA, (long) (10_000)).with(Settings.THROTTLE_AFTER_ERRORS, 4).with(Settings.THROTTLE_FOR, Duration.ofSeconds(90))
                .with(Settings.LOCKOUT_AFTER_FAILURES, 2).with(Settings.LOCKOUT_FOR, Duration.ofMinutes(3)).with(Settings.IDLE_TIMEOUT, Duration.ofSeconds(30));
        TenantSettings s = TenantSettings.defaults().with(Settings.PROFILE, Profile.EXCHANGE_ONLINE_2018)
                .with(Settings.SMTP_AUTH, false).withLimits(limits).with(Settings.HOST_NAME, "lab.example.test")
                .with(Settings.DELIVER_TO_HEADER_RECIPIENTS, true).with(Settings.REWRITE_DISPLAY_NAME, true);
        try (Store store = Store.open(dir)) {
            store.settings().save(TenantSettings.defaults());
            store.settings().save(s);
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.settings().load()).isEqualTo(s);
        }
    }

    @Test
    void aLimitMissingFromStoredSettingsTakesItsDefault() throws Exception {
        try (Store store = Store.open(dir)) {
            store.settings().save(TenantSettings.defaults().withLimits(Limits.defaults().with(Settings.RECIPIENTS_PER_DAY, 20)));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("submitlab.db"));
             Statement st = c.createStatement()) {
            st.execute("UPDATE settings SET limits = json_remove(limits, '$.idleTimeout', '$.messagesPerMinute')");
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.settings().load().limits()).isEqualTo(Limits.defaults().with(Settings.RECIPIENTS_PER_DAY, 20));
        }
    }
}
