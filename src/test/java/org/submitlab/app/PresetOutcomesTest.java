package org.submitlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.sim.OutcomeChecks;
import org.submitlab.sim.ReportTable;
import org.submitlab.sim.Scenarios;
import org.submitlab.sim.SimulationReport;
import org.submitlab.store.Delivery;
import org.submitlab.store.SentItem;
import org.submitlab.store.Store;

/**
 * Each shipped preset played in a run of its own (its own server on port 0, its own SQLite store in
 * the run's folder), with the outcome the preset is meant to show.
 */
@Timeout(180)
class PresetOutcomesTest {

    private static final Logger LOG = LoggerFactory.getLogger(PresetOutcomesTest.class);

    @TempDir
    Path data;

    private Run run;

    @AfterEach
    void closeRun() {
        if (run != null) {
            run.close();
        }
    }

    /** Plays the preset in a run of its own, to its end. */
    private SimulationReport run(String preset, double speed) throws InterruptedException {
        run = new Runs(data).start(Scenarios.preset(preset), speed);
        SimulationReport r = run.awaitEnd();
        LOG.info("{}\n{}", preset, ReportTable.format(r));
        return r;
    }

    private Map<String, Long> sentItemsByMessageId(String mailbox) {
        Map<String, Long> counts = new HashMap<>();
        run.store().sentItems().forEach(Optional.of(mailbox),
                (SentItem i) -> counts.merge(OutcomeChecks.normalizeMessageId(i.messageId()), 1L, Long::sum));
        return counts;
    }

    private static long messagesAccepted(SimulationReport r) {
        return r.devices().stream().mapToLong(SimulationReport.DeviceReport::messagesAccepted).sum();
    }

    @Test
    void printersSharingAMailboxGet432sRetryAndEveryScanIsInSentItemsOnce() throws InterruptedException {
        SimulationReport r = run("printers-sharing-mailbox", 60);
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
    void mailboxPerDeviceCarriesTheSameLoadWithoutASingleRefusal() throws InterruptedException {
        SimulationReport r = run("mailbox-per-device", 60);
        String table = ReportTable.format(r);

        assertThat(r.totals().refused()).as(table).isEmpty();
        assertThat(r.totals().scheduled()).isEqualTo(30);
        assertThat(messagesAccepted(r)).isEqualTo(30);
        assertThat(r.mailboxes()).hasSize(10).allSatisfy(m -> assertThat(m.sentItems()).isEqualTo(3));
        assertThat(r.checks()).as(table).allMatch(SimulationReport.Check::passed);
    }

    @Test
    void alertStormOverParallelConnectionsGets432sAndLosesAlertsWithoutRetries() throws InterruptedException {
        SimulationReport r = run("alert-storm", 60);
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
    void perRecipientTrackingGivesEachRecipientExactlyItsOwnCopies() throws InterruptedException {
        SimulationReport r = run("per-recipient-tracking", 600);
        String table = ReportTable.format(r);

        SimulationReport.DeviceReport d = r.device("tracking-app");
        assertThat(d.scheduled()).isEqualTo(3);
        assertThat(d.accepted()).as(table).isEqualTo(75);
        Store store = run.store();
        Map<String, Long> copies = store.deliveries().countByRecipient();
        assertThat(copies).hasSize(25);
        assertThat(copies.values()).containsOnly(3L);
        List<Delivery> one = store.deliveries().forRecipient("customer7@fabrikam.test");
        assertThat(one).extracting(Delivery::messageId).doesNotHaveDuplicates();
        // every copy of a campaign carries all 25 customers in To, yet went to one envelope recipient
        assertThat(store.sentItems().count(Optional.of("marketing@contoso.test"), "")).isEqualTo(75);
        assertThat(r.checks()).as(table).allMatch(SimulationReport.Check::passed);
    }

    @Test
    void newsletterIsRefusedAfterTenThousandRecipientsAndRecoversAsTheWindowSlides() throws InterruptedException {
        SimulationReport r = run("newsletter-one-mailbox", 3600);
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

    @Test
    void newsletterInBatchesSpreadUnderTheBudgetIsNeverRefused() throws InterruptedException {
        SimulationReport r = run("newsletter-batches", 3600);
        String table = ReportTable.format(r);

        SimulationReport.DeviceReport d = r.device("newsletter-tool");
        assertThat(d.refused()).as(table).isEmpty();
        assertThat(d.scheduled()).isEqualTo(24);
        assertThat(d.messagesAccepted()).as(table).isEqualTo(24);
        assertThat(d.retries()).isZero();
        // at most 19 batches of 500 in any 24 hours: the window never came near 10,000
        assertThat(r.mailbox("news@contoso.test").recipientsInWindow()).as(table).isLessThanOrEqualTo(9_500);
        assertThat(run.store().deliveries().countByRecipient()).hasSize(12_000);
        assertThat(r.checks()).as(table).allMatch(SimulationReport.Check::passed);
    }

    @Test
    void newsletterToADistributionGroupCountsOneRecipientAndReachesEverySubscriber() throws InterruptedException {
        SimulationReport r = run("newsletter-distribution-group", 600);
        String table = ReportTable.format(r);

        SimulationReport.DeviceReport d = r.device("newsletter-tool");
        assertThat(d.refused()).as(table).isEmpty();
        assertThat(d.messagesAccepted()).isEqualTo(1);
        assertThat(r.mailbox("news@contoso.test").recipientsInWindow()).isEqualTo(1);
        Map<String, Long> copies = run.store().deliveries().countByRecipient();
        assertThat(copies).hasSize(12_000).doesNotContainKey("newsletter-subscribers@contoso.test");
        assertThat(copies.values()).containsOnly(1L);
        assertThat(r.checks()).as(table).allMatch(SimulationReport.Check::passed);
    }

    @Test
    void alertStormThroughARelayKeepingThreeInFlightLosesNoAlert() throws InterruptedException {
        SimulationReport r = run("alert-storm-relay", 60);
        String table = ReportTable.format(r);

        SimulationReport.DeviceReport d = r.device("monitoring");
        assertThat(d.scheduled()).isEqualTo(50);
        assertThat(d.messagesAccepted()).as(table).isEqualTo(50);
        assertThat(d.refused()).as(table).doesNotContainKey("432 4.3.2");
        assertThat(d.gaveUp() + d.pending()).isZero();
        assertThat(r.device("onprem-relay").kind()).isEqualTo("relay");
        assertThat(r.mailbox("alerts@contoso.test").sentItems()).isEqualTo(50);
        assertThat(r.checks()).as(table).allMatch(SimulationReport.Check::passed);
    }

    @Test
    void anAppOnBasicAuthenticationLosesEveryNotificationOnce2026RulesApply() throws InterruptedException {
        SimulationReport r = run("app-on-basic-auth", 600);
        String table = ReportTable.format(r);

        SimulationReport.DeviceReport d = r.device("hr-app");
        assertThat(d.scheduled()).isEqualTo(10);
        assertThat(d.refused()).as(table).containsOnlyKeys("535 5.7.139");
        assertThat(d.messagesAccepted()).isZero();
        assertThat(d.gaveUp()).isEqualTo(10);
    }

    @Test
    void theSameAppMovedToHighVolumeEmailDeliversEveryNotificationWithoutSentItems() throws InterruptedException {
        SimulationReport r = run("app-moved-to-hve", 600);
        String table = ReportTable.format(r);

        SimulationReport.DeviceReport d = r.device("hr-app");
        assertThat(d.refused()).as(table).isEmpty();
        assertThat(d.messagesAccepted()).isEqualTo(10);
        assertThat(r.mailbox("hr-app@contoso.test").sentItems()).isZero();
        assertThat(run.store().deliveries().countByRecipient().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(10);
        assertThat(r.checks()).as(table).allMatch(SimulationReport.Check::passed);
    }
}
