package org.submitlab.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.submitlab.events.LabEvent;
import org.submitlab.policy.TenantSettings;
import org.submitlab.store.ClientSighting;

/** The verdicts that do not need a server: old TLS, a full mailbox, no login at all; and how sessions add up. */
class DeviceVerdictsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    private static ClientSighting device(String mechanism, String tls, int peak, int limit) {
        return new ClientSighting("mfp", "192.168.1.40", "printer@contoso.test", mechanism, tls, "X", T0, T0, 1, 0, 3,
                Map.of(), List.of(), 3, 100, 300, peak, limit);
    }

    @Test
    void aTls10DeviceBreaksTodayAndARetryWillNotHelp() {
        Map<String, DeviceVerdicts.Verdict> v = DeviceVerdicts.of(device("LOGIN", "TLSv1", 1, 3), TenantSettings.defaults());

        assertThat(v.get(DeviceVerdicts.LEGACY_TLS).breaks()).isTrue();
        assertThat(v.get(DeviceVerdicts.LEGACY_TLS).reason()).contains("421 4.7.66", "retry will not help");
        assertThat(v.get(DeviceVerdicts.TODAY)).isEqualTo(v.get(DeviceVerdicts.LEGACY_TLS));
    }

    @Test
    void aMailboxThatReachedItsLimitIsAConcurrencyRisk() {
        assertThat(DeviceVerdicts.of(device("LOGIN", "TLSv1.2", 3, 3), TenantSettings.defaults())
                .get(DeviceVerdicts.CONCURRENCY).breaks()).isTrue();
        assertThat(DeviceVerdicts.of(device("LOGIN", "TLSv1.2", 2, 3), TenantSettings.defaults())
                .get(DeviceVerdicts.CONCURRENCY).breaks()).isFalse();
    }

    @Test
    void aDeviceThatNeverLoggedInBreaksToday() {
        assertThat(DeviceVerdicts.of(device("", "TLSv1.3", 0, 0), TenantSettings.defaults())
                .get(DeviceVerdicts.TODAY).reason()).contains("530 5.7.57");
    }

    @Test
    void theInventoryFollowsASessionFromConnectToCloseAndAddsItUp() {
        List<ClientSighting> written = new java.util.ArrayList<>();
        DeviceInventory.Sessions sessions = new DeviceInventory.Sessions(written::add);
        sessions.apply(new LabEvent.ConnectionOpened(T0, "s1", "10.0.0.7"));
        sessions.apply(new LabEvent.TranscriptLine(T0, "s1", true, "EHLO mfp-07"));
        sessions.apply(new LabEvent.TlsStarted(T0, "s1", "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        sessions.apply(new LabEvent.AuthAttempted(T0, "s1", "printer@contoso.test", "LOGIN", true, "235 2.7.0"));
        sessions.apply(new LabEvent.TransactionStarted(T0, "s1", "printer@contoso.test", "ceo@contoso.test"));
        sessions.apply(new LabEvent.SlotRequested(T0, "s1", "printer@contoso.test", false, 3, 3));
        sessions.apply(new LabEvent.SubmissionRefused(T0, "s1", "printer@contoso.test", "ceo@contoso.test", 1, 5000,
                "DATA", "432 4.3.2 Concurrent connections limit exceeded. [h t s1]"));
        sessions.apply(new LabEvent.ConnectionClosed(T0.plusSeconds(5), "s1", "10.0.0.7", "printer@contoso.test"));

        assertThat(written).singleElement().satisfies(d -> {
            assertThat(d.ehlo()).isEqualTo("mfp-07");
            assertThat(d.refusals()).containsEntry("432 4.3.2", 1L);
            assertThat(d.sendAs()).containsExactly("ceo@contoso.test");
            assertThat(d.peakInFlight()).isEqualTo(3);
            assertThat(d.limit()).isEqualTo(3);
            assertThat(d.lastSeen()).isEqualTo(T0.plusSeconds(5));
        });
        ClientSighting twice = written.get(0).plus(written.get(0));
        assertThat(twice.sessions()).isEqualTo(2);
        assertThat(twice.refusals()).containsEntry("432 4.3.2", 2L);
        assertThat(twice.sendAs()).containsExactly("ceo@contoso.test");
    }
}
