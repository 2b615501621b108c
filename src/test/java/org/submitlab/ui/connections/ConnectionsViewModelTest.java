package org.submitlab.ui.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.submitlab.events.LabEvent;
import org.submitlab.policy.Profile;
import org.submitlab.ui.common.MinuteSeries;

class ConnectionsViewModelTest {

    private static final Instant T0 = Instant.parse("2025-01-26T09:00:00Z");
    private static final String PRINTER = "printer@contoso.test";
    private final ConnectionsViewModel vm = new ConnectionsViewModel();

    private void login(String session, String mailbox) {
        vm.apply(List.of(new LabEvent.ConnectionOpened(T0, session, "127.0.0.1"),
                new LabEvent.AuthAttempted(T0, session, mailbox, "LOGIN", true, "235 2.7.0 Authentication successful")));
    }

    private MailboxActivity row(String mailbox) {
        return vm.rows(T0.plusSeconds(30)).stream().filter(r -> r.mailbox().equals(mailbox)).findFirst().orElseThrow();
    }

    @Test
    void countsAuthenticatedConnectionsPerMailboxUntilTheyClose() {
        login("s1", PRINTER);
        login("s2", "Printer@Contoso.test");
        vm.apply(new LabEvent.ConnectionClosed(T0, "s1", "127.0.0.1", PRINTER));

        assertThat(row(PRINTER).connections()).isEqualTo(1);
        assertThat(vm.openConnections()).isEqualTo(1);
    }

    @Test
    void inFlightFollowsSlotEventsAgainstTheLimit() {
        vm.apply(new LabEvent.SlotRequested(T0, "s1", PRINTER, true, 3, 3));

        assertThat(row(PRINTER).inFlightText()).isEqualTo("3 / 3");
        assertThat(row(PRINTER).atLimit()).isTrue();

        vm.apply(new LabEvent.SlotReleased(T0, "s1", PRINTER, 2, 3));
        assertThat(row(PRINTER).atLimit()).isFalse();
    }

    @Test
    void a432IsChartedApartFromOtherRefusalsAndKeptAsTheLastRefusal() {
        String refusal = Profile.EXCHANGE_ONLINE.concurrencyRefusal();
        vm.apply(List.of(
                new LabEvent.SubmissionAccepted(T0, "s1", PRINTER, PRINTER, 1, 100, "<a@x>", 1, "250 2.0.0 OK"),
                new LabEvent.SubmissionRefused(T0.plusSeconds(5), "s2", PRINTER, PRINTER, 1, 100, "DATA", refusal),
                new LabEvent.SubmissionRefused(T0.plusSeconds(6), "s3", PRINTER, PRINTER, 1, 100, "DATA",
                        "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException")));

        List<MinuteSeries.Point> chart = vm.chart(Optional.of(PRINTER), T0.plusSeconds(30));

        assertThat(chart).hasSize(ConnectionsViewModel.CHART_MINUTES);
        assertThat(chart.get(chart.size() - 1)).isEqualTo(new MinuteSeries.Point(T0, 1, 1, 1));
        assertThat(row(PRINTER).refusedLastMinute()).isEqualTo(2);
        assertThat(row(PRINTER).lastRefusal()).startsWith("554");
        assertThat(vm.acceptedLastMinute(T0.plusSeconds(30))).isEqualTo(1);
    }

    @Test
    void refusalsBeforeLoginGetTheirOwnRow() {
        vm.apply(new LabEvent.SubmissionRefused(T0, "s1", null, "x@y.test", 1, 0, "MAIL",
                "530 5.7.57 Client not authenticated to send mail."));

        assertThat(row(ConnectionsViewModel.NOT_LOGGED_IN).refused()).isEqualTo(1);
    }

    @Test
    void serverStatusOverridesCountsDerivedFromEvents() {
        login("s1", PRINTER);
        long before = vm.version();

        vm.applyStatus(PRINTER, 4, 2, 3, 10, 5);

        assertThat(row(PRINTER)).extracting(MailboxActivity::connections, MailboxActivity::inFlight,
                MailboxActivity::accepted).containsExactly(4, 2, 10L);
        assertThat(vm.version()).isGreaterThan(before);
    }

    @Test
    void knownMailboxesShowBeforeTheyConnect() {
        vm.setKnownMailboxes(List.of("scanner@contoso.test"));

        assertThat(row("scanner@contoso.test").connections()).isZero();
        assertThat(row("scanner@contoso.test").limit()).isEqualTo(3);
    }
}
