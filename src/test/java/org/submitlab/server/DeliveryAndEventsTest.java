package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.events.LabEvent;
import org.submitlab.events.Subscription;
import org.submitlab.policy.Profile;
import org.submitlab.policy.Settings;
import org.submitlab.store.Delivery;

/** Delivery scheduling, the replay switch, whole-connection slots, retention and the event stream. */
class DeliveryAndEventsTest {

    private static final String BOX = "app@contoso.test";

    @TempDir
    Path dir;
    ServerFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private ServerFixture start(java.util.function.UnaryOperator<org.submitlab.policy.Limits> limits) throws Exception {
        fx = new ServerFixture(dir).limits(limits).with(ServerFixture.mailbox(BOX)).start();
        return fx;
    }

    @Test
    void messageOverThePerMinuteRateIsAcceptedAndItsDeliveryScheduledForTheNextMinute() throws Exception {
        start(l -> l.with(Settings.MESSAGES_PER_MINUTE, 2));
        try (Subscription events = fx.events.subscribe("rate", 10_000); SmtpTestClient c = fx.login(BOX)) {
            for (int i = 0; i < 3; i++) {
                assertThat(c.submit(BOX, List.of("r" + i + "@fabrikam.test"), "Subject: m" + i + "\r\n\r\nx").get(3))
                        .startsWith("250 2.0.0 OK");
            }
            List<LabEvent> seen = drain(events);
            Instant nextMinute = Instant.parse("2025-03-03T09:01:00Z");
            assertThat(seen).filteredOn(e -> e instanceof LabEvent.DeliveryScheduled).singleElement()
                    .satisfies(e -> assertThat(((LabEvent.DeliveryScheduled) e).deliverAt()).isEqualTo(nextMinute));
            assertThat(fx.store.deliveries().forRecipient("r2@fabrikam.test")).extracting(Delivery::deliverAt)
                    .containsExactly(nextMinute);
            assertThat(fx.store.deliveries().forRecipient("r0@fabrikam.test")).extracting(Delivery::deliverAt)
                    .containsExactly(fx.clock.instant());
        }
    }

    @Test
    void deliveryFollowsTheEnvelopeUnlessTheReplaySwitchIsOn() throws Exception {
        start(l -> l);
        String message = "To: a@fabrikam.test, b@fabrikam.test\r\nSubject: tracked\r\n\r\nx";
        try (SmtpTestClient c = fx.login(BOX)) {
            c.submit(BOX, List.of("a@fabrikam.test"), message);
            assertThat(fx.store.deliveries().forRecipient("b@fabrikam.test")).isEmpty();
            fx.server.updateSettings(fx.server.tenant().settings().with(Settings.DELIVER_TO_HEADER_RECIPIENTS, true));
            c.submit(BOX, List.of("a@fabrikam.test"), message);
        }
        assertThat(fx.store.deliveries().forRecipient("a@fabrikam.test")).hasSize(2);
        assertThat(fx.store.deliveries().forRecipient("b@fabrikam.test")).hasSize(1);
    }

    @Test
    void displayNameReplaySwitchPutsTheDirectorysNameInTheFromField() throws Exception {
        start(l -> l);
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.REWRITE_DISPLAY_NAME, true));
        try (SmtpTestClient c = fx.login(BOX)) {
            c.submit(BOX, List.of("a@fabrikam.test"), "From: Build Bot <" + BOX + ">\r\nSubject: named\r\n\r\nx");
        }
        var item = fx.store.sentItems().page(Optional.of(BOX), "named", 0, 1).get(0);
        assertThat(item.fromHeader()).isEqualTo("app <" + BOX + ">");
        assertThat(new String(fx.store.sentItems().raw(item.id()).orElseThrow()))
                .startsWith("From: app <" + BOX + ">\r\nSubject: named\r\n");
    }

    @Test
    void wholeConnectionsCountWhenSoConfigured() throws Exception {
        start(l -> l.with(Settings.CONCURRENT_PER_MAILBOX, 1).with(Settings.COUNT_WHOLE_CONNECTIONS, true));
        try (SmtpTestClient first = fx.login(BOX); SmtpTestClient second = fx.login(BOX)) {
            List<String> refused = second.submit(BOX, List.of("a@fabrikam.test"), "Subject: 2nd\r\n\r\nx");
            assertThat(refused.get(3)).matches(Pattern.quote(Profile.EXCHANGE_ONLINE.concurrencyRefusal()) + SUFFIX);
            first.command("QUIT");
            Await.until("the first connection's slot is freed",
                    () -> fx.server.mailboxStatus().get(0).connections() == 1);
            assertThat(second.submit(BOX, List.of("a@fabrikam.test"), "Subject: again\r\n\r\nx").get(3))
                    .startsWith("250 2.0.0 OK");
            assertThat(fx.server.mailboxStatus().get(0).inFlight()).isEqualTo(1);
        }
    }

    @Test
    void sentItemsOlderThanTheRetentionAreRemoved() throws Exception {
        start(l -> l);
        fx.server.saveMailbox(ServerFixture.mailbox(BOX).withSentItemsRetention(Optional.of(Duration.ofDays(1))));
        try (SmtpTestClient c = fx.login(BOX)) {
            c.submit(BOX, List.of("a@fabrikam.test"), "Subject: old\r\n\r\nx");
            fx.advance(Duration.ofHours(25));
            c.submit(BOX, List.of("a@fabrikam.test"), "Subject: new\r\n\r\nx");
        }
        assertThat(fx.server.sweepSentItems()).isEqualTo(1);
        assertThat(fx.store.sentItems().page(Optional.of(BOX), "", 0, 10)).extracting(i -> i.subject())
                .containsExactly("new");
    }

    @Test
    void aSessionPublishesItsLifecycleInOrder() throws Exception {
        start(l -> l);
        String id;
        try (Subscription events = fx.events.subscribe("lifecycle", 10_000)) {
            try (SmtpTestClient c = fx.login(BOX)) {
                c.submit(BOX, List.of("a@fabrikam.test"), "Subject: e\r\n\r\nx");
                c.command("QUIT");
                id = c.banner.substring(c.banner.lastIndexOf('[') + 1, c.banner.length() - 1);
            }
            Await.until("the connection is closed", () -> fx.server.mailboxStatus().get(0).connections() == 0);
            List<LabEvent> seen = drain(events);
            assertThat(seen).allMatch(e -> e.sessionId().equals(id));
            assertThat(seen).filteredOn(e -> !(e instanceof LabEvent.TranscriptLine))
                    .extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("ConnectionOpened", "TlsStarted", "AuthAttempted", "TransactionStarted",
                            "SlotRequested", "SlotReleased", "SubmissionAccepted", "ConnectionClosed");
            assertThat(seen).filteredOn(e -> e instanceof LabEvent.TranscriptLine t && !t.fromClient())
                    .first().satisfies(e -> assertThat(((LabEvent.TranscriptLine) e).line()).startsWith("220 "));
        }
    }

    @Test
    void theSameServerCanBeStoppedAndStartedAgain() throws Exception {
        start(l -> l);
        fx.server.stop();
        fx.server.stop();
        fx.server.start();
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.submit(BOX, List.of("a@fabrikam.test"), "Subject: again\r\n\r\nx").get(3))
                    .startsWith("250 2.0.0 OK");
        }
    }

    private static List<LabEvent> drain(Subscription s) {
        List<LabEvent> out = new ArrayList<>();
        s.drainTo(out, 100_000);
        return out;
    }
}
