package org.submitlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.cli.SimulateCommand;
import org.submitlab.policy.LabClock;
import org.submitlab.policy.ScaledClock;
import org.submitlab.store.Delivery;
import org.submitlab.store.SentItem;
import org.submitlab.store.Store;

/**
 * Each shipped preset run headless against a real embedded server and store (port 0, SQLite in a
 * temporary folder), with the outcome the preset is meant to show.
 */
@Timeout(180)
class PresetOutcomesTest {

    private static final Logger LOG = LoggerFactory.getLogger(PresetOutcomesTest.class);

    @TempDir
    Path data;

    private SimulationReport run(String preset, LabClock clock) {
        SimulationReport r = SimulateCommand.runEmbedded(Scenarios.preset(preset), clock, data, e -> { });
        LOG.info("{}\n{}", preset, ReportTable.format(r));
        return r;
    }

    private Map<String, Long> sentItemsByMessageId(String mailbox) {
        Map<String, Long> counts = new HashMap<>();
        try (Store store = Store.open(data)) {
            store.sentItems().forEach(Optional.of(mailbox),
                    (SentItem i) -> counts.merge(OutcomeChecks.normalizeMessageId(i.messageId()), 1L, Long::sum));
        }
        return counts;
    }

    private static long messagesAccepted(SimulationReport r) {
        return r.devices().stream().mapToLong(SimulationReport.DeviceReport::messagesAccepted).sum();
    }

    @Test
    void printersSharingAMailboxGet432sRetryAndEveryScanIsInSentItemsOnce() {
        SimulationReport r = run("printers-sharing-mailbox", new ScaledClock(60));
        String table = ReportTable.format(r);

        SimulationReport.Totals t = r.totals();
        assertThat(t.refused()).as(table).containsKey("432 4.3.2");
        assertThat(t.retries()).as(table).isPositive();
        assertThat(t.scheduled()).isEqualTo(30);
        assertThat(messagesAccepted(r)).as(table).isEqualTo(30);
        assertThat(t.gaveUp()).as(table).isZero();
        assertThat(r.mailbox("printer@contoso.test").sentItems()).isEqualTo(30);
        Map<String, Long> byId = sentItemsByMessageId("printer@contoso.test");
        assertThat(byId).hasSize(30);
        assertThat(byId.values()).containsOnly(1L);
        assertThat(r.checks()).as(table).allMatch(SimulationReport.Check::passed);
    }

    @Test
    void mailboxPerDeviceCarriesTheSameLoadWithoutASingleRefusal() {
        SimulationReport r = run("mailbox-per-device", new ScaledClock(60));
        String table = ReportTable.format(r);

        assertThat(r.totals().refused()).as(table).isEmpty();
        assertThat(r.totals().scheduled()).isEqualTo(30);
        assertThat(messagesAccepted(r)).isEqualTo(30);
        assertThat(r.mailboxes()).hasSize(10).allSatisfy(m -> assertThat(m.sentItems()).isEqualTo(3));
        assertThat(r.checks()).as(table).allMatch(SimulationReport.Check::passed);
    }

    @Test
    void alertStormOverParallelConnectionsGets432sAndLosesAlertsWithoutRetries() {
        SimulationReport r = run("alert-storm", new ScaledClock(60));
        String table = ReportTable.format(r);

        SimulationReport.DeviceReport d = r.device("monitoring");
        assertThat(d.scheduled()).isEqualTo(50);
        assertThat(d.refused()).as(table).containsKey("432 4.3.2");
        assertThat(d.retries()).isZero();
        assertThat(d.accepted() + d.gaveUp()).isEqualTo(50);
        assertThat(r.mailbox("alerts@contoso.test").sentItems()).isEqualTo(d.accepted());
        assertThat(r.checks()).as(table).allMatch(SimulationReport.Check::passed);
    }

    @Test
    void perRecipientTrackingGivesEachRecipientExactlyItsOwnCopies() {
        SimulationReport r = run("per-recipient-tracking", new ScaledClock(600));
        String table = ReportTable.format(r);

        SimulationReport.DeviceReport d = r.device("tracking-app");
        assertThat(d.scheduled()).isEqualTo(3);
        assertThat(d.accepted()).as(table).isEqualTo(75);
        try (Store store = Store.open(data)) {
            Map<String, Long> copies = store.deliveries().countByRecipient();
            assertThat(copies).hasSize(25);
            assertThat(copies.values()).containsOnly(3L);
            List<Delivery> one = store.deliveries().forRecipient("customer7@fabrikam.test");
            assertThat(one).extracting(Delivery::messageId).doesNotHaveDuplicates();
            // every copy of a campaign carries all 25 customers in To, yet went to one envelope recipient
            assertThat(store.sentItems().count(Optional.of("marketing@contoso.test"), "")).isEqualTo(75);
        }
        assertThat(r.checks()).as(table).allMatch(SimulationReport.Check::passed);
    }

    @Test
    void newsletterIsRefusedAfterTenThousandRecipientsAndRecoversAsTheWindowSlides() {
        SimulationReport r = run("newsletter-one-mailbox", new ScaledClock(3600));
        String table = ReportTable.format(r);

        SimulationReport.DeviceReport d = r.device("newsletter-tool");
        assertThat(d.refused()).as(table).containsOnlyKeys("554 5.2.0");
        assertThat(d.scheduled()).isEqualTo(24);
        // 20 batches of 500 fill the window; the rest go through only after the first ones leave it
        assertThat(d.messagesAccepted()).as(table).isEqualTo(24);
        assertThat(d.delayP95Seconds()).as(table).isGreaterThan(12 * 3600.0);
        assertThat(r.simulatedSeconds()).isGreaterThan(24 * 3600L);
        assertThat(r.checks()).as(table).allMatch(SimulationReport.Check::passed);
    }
}
