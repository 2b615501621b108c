package org.submitlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.submitlab.app.ScenarioSetup;
import org.submitlab.events.EventBus;
import org.submitlab.events.LabEvent;
import org.submitlab.events.Subscription;
import org.submitlab.policy.ScaledClock;
import org.submitlab.server.SubmissionServer;
import org.submitlab.store.Store;

/**
 * Devices behind a relay: the relay submits their messages over real SMTP with at most its maxConnections
 * transactions in flight, as the server sees it; nothing waits at the devices, nothing is lost.
 */
@Timeout(120)
class RelayQueueTest {

    @TempDir
    Path data;

    private Store store;
    private SubmissionServer server;
    private SimulationEngine engine;

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.stop();
        }
        if (server != null) {
            server.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    private static Scenario scenario(int maxConnections) {
        // the mailbox would take 10 at once: only the relay's cap keeps it lower
        return Scenarios.parse("""
                {
                  "name": "relay-cap", "duration": "1m", "drain": "5m",
                  "limits": { "concurrentPerMailbox": 10 },
                  "mailboxes": [ { "address": "mfp@contoso.test", "password": "Relay-pw-1" } ],
                  "pools": { "staff": { "pattern": "user{n}@contoso.test", "size": 50 } },
                  "relays": [ { "name": "onprem", "mailbox": "mfp@contoso.test", "maxConnections": %d,
                                "uploadKbps": 400 } ],
                  "devices": [ { "name": "mfp-{n}", "count": 4, "kind": "printer", "relay": "onprem",
                                 "recipients": { "pool": "staff" },
                                 "message": { "attachments": [ { "bytes": 60000 } ] },
                                 "schedule": { "type": "burst", "count": 6, "at": "1s" } } ]
                }
                """.formatted(maxConnections), "relay.json");
    }

    @ParameterizedTest(name = "maxConnections {0}")
    @ValueSource(ints = {1, 3})
    void theServerNeverSeesMoreTransactionsOrConnectionsThanTheRelaysCap(int n) throws Exception {
        Scenario s = scenario(n);
        ScaledClock clock = new ScaledClock(120);
        EventBus events = new EventBus();
        Subscription sub = events.subscribe("relay-test", 200_000);
        store = Store.open(data);
        server = SubmissionServer.builder().store(store).clock(clock).events(events).build();
        server.start();
        ScenarioSetup.apply(s, server);
        engine = new SimulationEngine(s, server.host(), server.port(), clock);

        engine.start();
        while (!engine.isFinished()) {
            Thread.sleep(20);
        }

        int peakSlots = 0;
        int peakConnections = 0;
        Set<String> open = new HashSet<>();
        List<LabEvent> all = new ArrayList<>();
        LabEvent e;
        while ((e = sub.poll(200, TimeUnit.MILLISECONDS)) != null) {
            all.add(e);
        }
        for (LabEvent x : all) {
            if (x instanceof LabEvent.SlotRequested r && r.granted()) {
                peakSlots = Math.max(peakSlots, r.inUse());
            } else if (x instanceof LabEvent.ConnectionOpened o) {
                open.add(o.sessionId());
                peakConnections = Math.max(peakConnections, open.size());
            } else if (x instanceof LabEvent.ConnectionClosed c) {
                open.remove(c.sessionId());
            }
        }
        SimulationReport r = engine.report();
        assertThat(sub.dropped()).isZero();
        assertThat(peakSlots).as("transactions in flight at the server").isEqualTo(n);
        assertThat(peakConnections).as("connections open at the server").isLessThanOrEqualTo(n);
        assertThat(r.totals().scheduled()).isEqualTo(24);
        assertThat(r.totals().attempts()).as("each transaction counted once").isEqualTo(24);
        assertThat(r.totals().accepted()).isEqualTo(24);
        assertThat(r.totals().refused()).isEmpty();
        assertThat(r.totals().pending() + r.totals().gaveUp()).isZero();
        SimulationReport.DeviceReport relay = r.device("onprem");
        assertThat(relay.kind()).isEqualTo("relay");
        assertThat(relay.accepted()).isEqualTo(24);
        assertThat(r.device("mfp-1").messagesAccepted()).isEqualTo(6);
        assertThat(r.mailbox("mfp@contoso.test").devices()).isEqualTo(4);
        assertThat(r.mailbox("mfp@contoso.test").accepted()).isEqualTo(24);
        // queued, not refused: the later messages of the burst waited in the relay's queue
        // (24 uploads of about 1.6 simulated seconds, n at a time: the last ones waited over 3 s)
        assertThat(r.device("mfp-4").delayP95Seconds()).isGreaterThan(3.0);
    }
}
