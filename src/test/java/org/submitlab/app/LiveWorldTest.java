package org.submitlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.LabClock;
import org.submitlab.policy.MailboxStatus;
import org.submitlab.policy.Profile;
import org.submitlab.store.SentItemDraft;
import org.submitlab.store.Store;
import org.submitlab.store.SubmissionRecord;

/** Live: the tenant real devices use, in real time, in the data folder's own store. */
class LiveWorldTest {

    @TempDir
    Path data;

    private LiveWorld live;

    @AfterEach
    void close() {
        if (live != null) {
            live.close();
        }
    }

    private static void commit(Store store, String mailbox, Instant time, int recipients, String subject) {
        List<String> to = java.util.stream.IntStream.range(0, recipients).mapToObj(i -> "user" + i + "@contoso.test")
                .toList();
        byte[] mime = ("From: " + mailbox + "\r\nSubject: " + subject + "\r\n\r\nHi\r\n").getBytes(StandardCharsets.US_ASCII);
        SentItemDraft d = new SentItemDraft(mailbox, time, mailbox, to, mailbox, "127.0.0.1", true, "s-" + subject, mime,
                subject, "<" + subject + "@test>", mailbox, true, to, time);
        SubmissionRecord r = new SubmissionRecord(time, d.sessionId(), mailbox, "127.0.0.1", mailbox, to, mime.length,
                true, "250 2.0.0 OK", d.messageId(), time);
        store.commitAccepted(d, r).join();
    }

    @Test
    void recipientsThatPastAcceleratedRunsDatedAheadLeaveLivesWindowButTheirSentItemsStay() {
        Instant now = LabClock.system().instant();
        try (Store old = Store.open(data)) {
            old.mailboxes().save(org.submitlab.policy.Mailbox.create("newsletter@contoso.test", "", "pw"));
            commit(old, "newsletter@contoso.test", now.minus(Duration.ofHours(1)), 3, "real");
            commit(old, "newsletter@contoso.test", now.plus(Duration.ofDays(3)), 500, "from-a-run-1");
            commit(old, "newsletter@contoso.test", now.plus(Duration.ofHours(20)), 500, "from-a-run-2");
        }

        live = LiveWorld.open(data);
        live.startServer(ListenOptions.loopback(0, false));

        MailboxStatus status = live.status().mailboxes().get(0);
        assertThat(status.recipientsInWindow()).isEqualTo(3);
        assertThat(live.store().sentItems().count(Optional.empty(), "")).isEqualTo(3);
        assertThat(live.store().submissions().acceptedSince(now.minus(Duration.ofDays(1)))).hasSize(1);
    }

    @Test
    void theUpgradeToleratesAFewMinutesOfClockSkewAndCountsWhatItDropped() {
        Instant now = LabClock.system().instant();
        try (Store store = Store.open(data)) {
            commit(store, "printer@contoso.test", now.plus(Duration.ofMinutes(2)), 1, "skewed");
            commit(store, "printer@contoso.test", now.plus(Duration.ofMinutes(30)), 1, "ahead");

            assertThat(LiveWorld.dropFutureWindowEntries(store, now)).isEqualTo(1);
            assertThat(LiveWorld.dropFutureWindowEntries(store, now)).isZero();
        }
    }

    @Test
    void liveRunsOnRealTimeWhateverRunsDo() throws Exception {
        live = LiveWorld.open(data);
        Instant before = LabClock.system().instant();
        Thread.sleep(20);

        assertThat(live.clock().speed()).isEqualTo(1.0);
        assertThat(Duration.between(before, live.clock().instant())).isBetween(Duration.ofMillis(15), Duration.ofSeconds(5));
    }

    @Test
    void aProfileChosenWhileStoppedIsTheServersWhenItStarts() {
        live = LiveWorld.open(data);
        live.setProfile(Profile.EXCHANGE_ONLINE_2018);

        live.startServer(ListenOptions.loopback(0, false));

        assertThat(live.settings().profile()).isEqualTo(Profile.EXCHANGE_ONLINE_2018);
        assertThat(live.endpoint()).isPresent();
        live.stopServer();
        assertThat(live.endpoint()).isEmpty();
        assertThat(live.status().mailboxes()).isEmpty();
    }

    @Test
    void theDemoTenantIsCreatedOnceAndKept() {
        live = LiveWorld.open(data);
        assertThat(live.createDemoTenantIfEmpty()).isTrue();
        live.close();

        live = LiveWorld.open(data);
        assertThat(live.createDemoTenantIfEmpty()).isFalse();
        assertThat(live.mailboxAddresses()).containsExactly("alerts@contoso.test", "newsletter@contoso.test",
                "printer@contoso.test", "scanner@contoso.test");
    }

    @Test
    void resettingTheCountersIsRememberedAcrossRestarts() {
        live = LiveWorld.open(data);
        assertThat(live.countersSince()).isEqualTo(Instant.EPOCH);
        Instant reset = live.resetCounters();
        live.close();

        live = LiveWorld.open(data);
        assertThat(live.countersSince()).isEqualTo(reset);
    }
}
