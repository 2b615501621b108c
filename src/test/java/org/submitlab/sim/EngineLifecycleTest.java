package org.submitlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.LabClock;
import org.submitlab.policy.ManualClock;
import org.submitlab.policy.ScaledClock;
import org.submitlab.server.SubmissionServer;
import org.submitlab.app.ScenarioSetup;
import org.submitlab.store.Store;

/** The engine against a real embedded server: lifecycle, observable retries, clock speed. */
@Timeout(120)
class EngineLifecycleTest {

    @TempDir
    Path data;

    private Store store;
    private SubmissionServer server;
    private SimulationEngine engine;

    private static String scenario(String device, String extra) {
        return """
                {
                  "name": "lifecycle",
                  "duration": "30d",
                  "drain": "0s",
                  "mailboxes": [ { "address": "app@contoso.test", "password": "right-pw" } ],
                  "pools": { "staff": { "pattern": "user{n}@contoso.test", "size": 50 } },
                  "devices": [ { "name": "app-{n}", "mailbox": "app@contoso.test", "recipients": { "pool": "staff" },
                                 %s } ]
                  %s
                }
                """.formatted(device, extra);
    }

    private void startServer(LabClock clock, Scenario s) {
        store = Store.open(data);
        server = SubmissionServer.builder().store(store).clock(clock).build();
        server.start();
        ScenarioSetup.apply(s, server);
        engine = new SimulationEngine(s, server.host(), server.port(), clock);
    }

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

    private static void await(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(20);
        }
    }

    private static boolean threadsAlive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith(prefix) && t.isAlive());
    }

    @Test
    void stopLeavesNoThreadAndNoConnectionBehind() throws Exception {
        Scenario s = Scenarios.parse(scenario("""
                "count": 8, "schedule": { "type": "poisson", "perHour": 600 }, "connection": { "reuse": true, "parallel": 2 }
                """, ""), "t");
        startServer(new ScaledClock(600), s);
        engine.start();
        await(() -> engine.totals().accepted() >= 10);
        assertThat(threadsAlive(engine.threadPrefix())).isTrue();

        engine.stop();

        assertThat(engine.isTerminated()).isTrue();
        assertThat(engine.openConnections()).isZero();
        assertThat(threadsAlive(engine.threadPrefix())).isFalse();
        assertThat(engine.isFinished()).isTrue();
        await(() -> server.mailboxStatus().stream().allMatch(m -> m.connections() == 0));
    }

    @Test
    void afterTheDrainTheTimerWaitsForTheLastAttemptWithoutSpinning() throws Exception {
        // the slow scan is still uploading when the drain ends; the other device's retry, due after the drain, stays
        // in the queue and is never sent: the timer must not keep waking for it
        Scenario s = Scenarios.parse("""
                {
                  "name": "drain", "duration": "2s", "drain": "2s",
                  "mailboxes": [ { "address": "app@contoso.test", "password": "right-pw" } ],
                  "pools": { "staff": { "pattern": "user{n}@contoso.test", "size": 5 } },
                  "devices": [
                    { "name": "slow-scan", "mailbox": "app@contoso.test", "recipients": { "pool": "staff" },
                      "password": "right-pw", "uploadKbps": 20, "message": { "attachments": [ { "bytes": 40000 } ] },
                      "schedule": { "type": "burst", "count": 1 } },
                    { "name": "wrong-pw", "mailbox": "app@contoso.test", "recipients": { "pool": "staff" },
                      "password": "wrong-pw", "schedule": { "type": "burst", "count": 1 },
                      "retry": { "policy": "fixed", "delay": "5s", "maxAttempts": 2, "retryPermanent": true } } ]
                }
                """, "drain.json");
        startServer(new ScaledClock(10), s);
        engine.start();

        await(engine::isFinished);

        assertThat(engine.totals().accepted()).isEqualTo(1);
        assertThat(engine.pendingRetries()).hasSize(1);
        // about 1.7 real seconds between the retry falling due and the upload's end: at most one wake-up per
        // 50 ms then, where a timer rearmed for the overdue retry wakes thousands of times
        assertThat(engine.timerWakeups()).isLessThan(200);
    }

    @Test
    void aRefusedMessageWaitsInTheObservableRetryQueueUntilTheClockReachesIt() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
        Scenario s = Scenarios.parse(scenario("""
                "password": "wrong-pw", "schedule": { "type": "burst", "count": 1 },
                "retry": { "policy": "fixed", "delay": "10m", "maxAttempts": 2, "retryPermanent": true }
                """, ""), "t");
        startServer(clock, s);
        engine.start();
        await(() -> !engine.pendingRetries().isEmpty());

        PendingRetry p = engine.pendingRetries().get(0);
        assertThat(p.device()).isEqualTo("app-1");
        assertThat(p.attempt()).isEqualTo(2);
        assertThat(p.nextAttemptAt()).isEqualTo(Instant.parse("2026-03-02T09:10:00Z"));
        assertThat(p.lastReply()).startsWith("535 5.7.3 Authentication unsuccessful");
        assertThat(engine.devices().get(0).state()).isEqualTo(DeviceState.WAITING_TO_RETRY);

        clock.advance(Duration.ofMinutes(9));
        Thread.sleep(3 * SimulationEngine.MAX_WAIT_MILLIS);
        assertThat(engine.devices().get(0).attempts()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        await(engine::isFinished);
        DeviceStatus d = engine.devices().get(0);
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.retries()).isEqualTo(1);
        assertThat(d.gaveUp()).isEqualTo(1);
        assertThat(d.state()).isEqualTo(DeviceState.DONE);
        assertThat(engine.report().device("app-1").refused()).containsEntry("535 5.7.3", 2L);
    }

    @Test
    void aPermanentRefusalIsGivenUpAtOnce() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
        Scenario s = Scenarios.parse(scenario("""
                "from": "ceo@contoso.test", "schedule": { "type": "burst", "count": 1 },
                "retry": { "policy": "fixed", "delay": "1m", "maxAttempts": 5 }
                """, ""), "t");
        startServer(clock, s);
        engine.start();
        await(engine::isFinished);

        DeviceStatus d = engine.devices().get(0);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.gaveUp()).isEqualTo(1);
        assertThat(d.lastReply()).startsWith("554 5.2.252 SendAsDenied; app@contoso.test not allowed to send as ceo@contoso.test");
        assertThat(engine.pendingRetries()).isEmpty();
    }

    @Test
    void raisingTheSpeedWhileRunningBringsTheNextSendForward() throws Exception {
        ScaledClock clock = new ScaledClock(1);
        Scenario s = Scenarios.parse(scenario("""
                "schedule": { "type": "fixed", "every": "1h", "start": "1h", "count": 1 }
                """, ""), "t");
        startServer(clock, s);
        engine.start();
        Thread.sleep(3 * SimulationEngine.MAX_WAIT_MILLIS);
        assertThat(engine.totals().scheduled()).isZero();

        clock.setSpeed(3600);

        await(engine::isFinished);
        assertThat(engine.totals().accepted()).isEqualTo(1);
    }

    @Test
    void pauseHoldsTheDevicesAndResumeContinuesTheirTimetable() throws Exception {
        ScaledClock clock = new ScaledClock(600);
        Scenario s = Scenarios.parse(scenario("""
                "count": 3, "schedule": { "type": "fixed", "every": "30s" }
                """, ""), "t");
        startServer(clock, s);
        engine.start();
        await(() -> engine.totals().accepted() >= 3);

        engine.pause();
        await(() -> engine.devices().stream().noneMatch(d -> d.state() == DeviceState.SENDING));
        long scheduled = engine.totals().scheduled();
        Duration elapsed = engine.elapsed();
        Thread.sleep(500);
        assertThat(engine.totals().scheduled()).isEqualTo(scheduled);
        assertThat(engine.elapsed()).isEqualTo(elapsed);
        assertThat(engine.state()).isEqualTo(SimulationEngine.RunState.PAUSED);

        engine.resume();
        await(() -> engine.totals().scheduled() > scheduled + 3);
        assertThat(engine.totals().refusedCount()).isZero();
    }
}
