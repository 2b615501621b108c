package org.submitlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.events.LabEvent;
import org.submitlab.policy.MailboxStatus;
import org.submitlab.sim.Scenario;
import org.submitlab.sim.Scenarios;
import org.submitlab.sim.SimulationReport;

/** Runs: each a world of its own in DATA/runs/ID, listed, reopened for review, deleted. */
@Timeout(120)
class RunsTest {

    @TempDir
    Path data;

    private final List<Run> opened = new ArrayList<>();

    @AfterEach
    void closeRuns() {
        opened.forEach(Run::close);
    }

    private Run start(Runs runs, String preset, String duration, double speed) {
        Scenario s = Scenarios.preset(preset).withDuration(org.submitlab.policy.Durations.parse(duration));
        Run r = runs.start(s, speed);
        opened.add(r);
        return r;
    }

    @Test
    void aRunPlaysInItsOwnFolderWithItsOwnStoreAndItsClockStopsWhenItEnds() throws Exception {
        Runs runs = new Runs(data);
        Run run = start(runs, "alert-storm", "1m", 600);

        SimulationReport report = run.awaitEnd();
        Instant end = run.clock().instant();
        Thread.sleep(50);

        assertThat(run.folder()).isEqualTo(data.resolve("runs").resolve(run.id()));
        assertThat(run.folder().resolve("submitlab.db")).isRegularFile();
        assertThat(run.folder().resolve("report.json")).isRegularFile();
        assertThat(run.info().state()).isEqualTo(RunState.FINISHED);
        assertThat(run.clock().instant()).isEqualTo(end);
        assertThat(run.info().simulatedEnd()).isEqualTo(end);
        assertThat(run.info().outcome().accepted()).isEqualTo(report.totals().accepted()).isPositive();
        assertThat(run.store().sentItems().count(Optional.empty(), "")).isEqualTo(report.totals().accepted());
        assertThat(data.resolve("submitlab.db")).doesNotExist();
        // the devices' record of what was accepted was checked against Sent Items from its file, then removed
        assertThat(report.checks()).filteredOn(c -> c.name().equals("sentItemsExactlyOnce")).singleElement()
                .satisfies(c -> assertThat(c.passed()).isTrue())
                .satisfies(c -> assertThat(c.detail()).startsWith(report.totals().accepted() + " accepted"));
        assertThat(run.folder().resolve(Run.ACCEPTED_LEDGER)).doesNotExist();
    }

    @Test
    void runsAreListedNewestFirstAndLatestIsTheNewest() throws Exception {
        Runs runs = new Runs(data);
        Run first = start(runs, "mailbox-per-device", "10s", 600);
        first.awaitEnd();
        Thread.sleep(1100);
        Run second = start(runs, "alert-storm", "10s", 600);
        second.awaitEnd();

        assertThat(runs.list()).extracting(RunInfo::id).containsExactly(second.id(), first.id());
        assertThat(runs.find("latest").id()).isEqualTo(second.id());
        assertThat(runs.list()).allSatisfy(i -> assertThat(i.state()).isEqualTo(RunState.FINISHED));
        assertThatThrownBy(() -> runs.find("no-such-run")).isInstanceOf(Runs.NoSuchRunException.class)
                .hasMessageContaining("no-such-run");
        assertThatThrownBy(() -> runs.find("../evil")).isInstanceOf(Runs.NoSuchRunException.class);
    }

    @Test
    void aFinishedRunReopenedLaterShowsItsMailboxesDevicesAndHistoryAtTheMomentItEnded() throws Exception {
        Run run = start(new Runs(data), "alert-storm", "1m", 600);
        SimulationReport report = run.awaitEnd();
        Instant end = run.clock().instant();
        run.close();
        opened.clear();

        Run review = Run.open(run.folder(), new Runs(data).find(run.id()));
        opened.add(review);

        assertThat(review.engine()).isEmpty();
        assertThat(review.scenario()).as("Run again after a restart plays the same scenario").contains(run.scenario().get());
        assertThat(review.clock().instant()).isEqualTo(end);
        WorldStatus status = review.status();
        MailboxStatus alerts = status.mailboxes().get(0);
        assertThat(alerts.address()).isEqualTo("alerts@contoso.test");
        assertThat(alerts.recipientsInWindow()).isPositive();
        assertThat(status.devices()).extracting(d -> d.name()).containsExactly("monitoring");
        assertThat(status.devices().get(0).accepted()).isEqualTo(report.device("monitoring").accepted());
        assertThat(status.run()).contains(RunState.FINISHED);
        try (JournalFollower history = review.follow()) {
            List<LabEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                boolean more = history.replaying();
                if (history.drainTo(events, 10_000) == 0 && !more) {
                    break;
                }
            }
            assertThat(events.stream().filter(e -> e instanceof LabEvent.SubmissionAccepted))
                    .hasSize((int) report.totals().accepted());
        }
    }

    @Test
    void pausingARunStopsItsClockAndResumingGoesOn() throws Exception {
        Run run = start(new Runs(data), "printers-sharing-mailbox", "30m", 60);
        run.pause();
        Instant paused = run.clock().instant();
        Thread.sleep(100);

        assertThat(run.clock().instant()).isEqualTo(paused);
        assertThat(run.info().state()).isEqualTo(RunState.PAUSED);
        assertThat(Run.readInfo(run.folder()).orElseThrow().state()).isEqualTo(RunState.PAUSED);
        run.resume();
        Thread.sleep(50);
        assertThat(run.clock().instant()).isAfter(paused);

        run.stop();
        run.ended().get();
        assertThat(run.info().state()).isEqualTo(RunState.STOPPED);
        assertThat(Run.readInfo(run.folder()).orElseThrow().state()).isEqualTo(RunState.STOPPED);
    }

    @Test
    void aStepPlaysAboutItsLengthOfSimulatedTimeAndPausesAgain() throws Exception {
        Run run = start(new Runs(data), "printers-sharing-mailbox", "30m", 60);
        Instant before = run.clock().instant();

        run.step(java.time.Duration.ofSeconds(5)); // a running run pauses first

        Instant after = run.clock().instant();
        assertThat(run.info().state()).isEqualTo(RunState.PAUSED);
        // Five simulated seconds are 83 ms at 60x; the pause before the step and scheduling add a little.
        assertThat(java.time.Duration.between(before, after)).isBetween(java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(15));
        Thread.sleep(100);
        assertThat(run.clock().instant()).isEqualTo(after);
        run.step(java.time.Duration.ofSeconds(5));
        assertThat(java.time.Duration.between(after, run.clock().instant())).isBetween(java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(10));

        run.stop();
        run.ended().get();
    }

    @Test
    void aRunStillPlayingCannotBeDeletedAndAnEndedOneIsDeletedWithEverythingItRecorded() throws Exception {
        Runs runs = new Runs(data);
        Run run = start(runs, "printers-sharing-mailbox", "30m", 60);

        assertThatThrownBy(() -> runs.delete(run.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stop it first");
        run.stop();
        run.ended().get();
        run.close();
        opened.clear();
        runs.delete(run.id());

        assertThat(run.folder()).doesNotExist();
        assertThat(runs.list()).isEmpty();
    }

    @Test
    void aRunWhoseProcessIsGoneIsListedAsInterrupted() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path folder = Files.createDirectories(data.resolve("runs").resolve("20261201-090000-dead"));
        RunInfo info = new RunInfo("20261201-090000-dead", "printers-sharing-mailbox", "", Instant.EPOCH, 60,
                RunState.RUNNING, null, Instant.EPOCH, null, gone.pid(), 10, null, null);
        Files.writeString(folder.resolve(Run.INFO), AppJson.files().writeValueAsString(info));

        assertThat(new Runs(data).find(info.id()).state()).isEqualTo(RunState.INTERRUPTED);
        new Runs(data).delete(info.id());
        assertThat(folder).doesNotExist();
    }

    @Test
    void aScenarioWhoseServerCannotStartLeavesAFailedRunThatSaysWhy() {
        Scenario broken = Scenarios.preset("alert-storm");
        Path blocked = data.resolve("runs");
        assertThat(blocked.toFile().mkdirs()).isTrue();
        Runs runs = new Runs(data);
        // a file where the certificate folder must go: the run's server cannot get its TLS material
        assertThat(data.resolve("tls").toFile().mkdirs() && data.resolve("tls").resolve("submitlab.p12").toFile().mkdir())
                .isTrue();

        assertThatThrownBy(() -> runs.start(broken, 60)).isInstanceOf(RuntimeException.class);
        assertThat(runs.list()).singleElement().satisfies(i -> {
            assertThat(i.state()).isEqualTo(RunState.FAILED);
            assertThat(i.error()).isNotBlank();
        });
    }
}
