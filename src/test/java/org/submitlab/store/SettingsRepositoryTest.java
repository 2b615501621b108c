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
        Limits limits = Limits.defaults().withConcurrentPerMailbox(5).withCountWholeConnections(true)
                .withRecipientsPerDay(20).withMessagesPerMinute(7).withRejectOverRate(true)
                .withRecipientsPerMessage(3).withMaxMessageSize(4_096).withSendLimitBytes(2_048)
                .withQuotaBytes(10_000).withThrottling(4, Duration.ofSeconds(90))
                .withLockout(2, Duration.ofMinutes(3)).withIdleTimeout(Duration.ofSeconds(30));
        TenantSettings s = TenantSettings.defaults().withProfile(Profile.EXCHANGE_ONLINE_2018)
                .withSmtpAuthEnabled(false).withLimits(limits).withHostName("lab.example.test")
                .withDeliverToHeaderRecipients(true).withRewriteDisplayName(true);
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
            store.settings().save(TenantSettings.defaults().withLimits(Limits.defaults().withRecipientsPerDay(20)));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("submitlab.db"));
             Statement st = c.createStatement()) {
            st.execute("UPDATE settings SET limits = json_remove(limits, '$.idleTimeout', '$.messagesPerMinute')");
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.settings().load().limits()).isEqualTo(Limits.defaults().withRecipientsPerDay(20));
        }
    }
}
