package org.submitlab.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.concurrent.NamedThreads;
import org.submitlab.events.EventBus;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.LabClock;
import org.submitlab.policy.ScaledClock;
import org.submitlab.server.SubmissionServer;
import org.submitlab.sim.DeviceKind;
import org.submitlab.sim.DeviceState;
import org.submitlab.sim.DeviceStatus;
import org.submitlab.sim.Scenario;
import org.submitlab.sim.ScenarioException;
import org.submitlab.sim.ScenarioWriter;
import org.submitlab.sim.Scenarios;
import org.submitlab.sim.SimulationEngine;
import org.submitlab.sim.SimulationReport;
import org.submitlab.store.Store;

/**
 * One play of a scenario in a world of its own: a store in {@code <data>/runs/<id>/}, a clock at the
 * run's speed, an embedded server on a free loopback port, the scenario's mailboxes and limits, and
 * its devices. When it ends (or is stopped) its clock stops at that moment and its server closes;
 * its store, report and event history stay until the run is deleted. A run of an earlier process is
 * opened read-only for review.
 */
public final class Run implements World, AutoCloseable {

    static final String INFO = "run.json";
    static final String SCENARIO = "scenario.json";
    static final String REPORT = "report.json";
    /** What the devices saw accepted, while the run plays; removed once the report is written. */
    static final String ACCEPTED_LEDGER = "accepted.log";
    private static final Logger LOG = LoggerFactory.getLogger(Run.class);

    private final Path folder;
    private final Optional<Scenario> scenario;
    private final ScaledClock clock;
    private final Store store;
    private final EventJournal journal;
    private final SubmissionServer server;
    private final SimulationEngine engine;
    private final CompletableFuture<SimulationReport> ended = new CompletableFuture<>();
    private volatile RunInfo info;
    private volatile SimulationReport report;
    private volatile boolean stopRequested;
    private boolean played;

    private Run(Path folder, RunInfo info, Optional<Scenario> scenario, ScaledClock clock, Store store,
            EventJournal journal, SubmissionServer server, SimulationEngine engine, SimulationReport report) {
        this.folder = folder;
        this.info = info;
        this.scenario = scenario;
        this.clock = clock;
        this.store = store;
        this.journal = journal;
        this.server = server;
        this.engine = engine;
        this.report = report;
        if (engine == null) {
            ended.complete(report);
        }
    }

    /** Creates the run's world in {@code folder} and starts its devices; {@code dataDir} lends its certificate. */
    static Run start(Path dataDir, Path folder, String id, Scenario scenario, double speed) {
        Run run = prepare(dataDir, folder, id, scenario, speed);
        run.play();
        return run;
    }

    /**
     * Creates the run's world (store, server, mailboxes, engine) without starting its devices: {@link #play()} does,
     * so that runs meant to play side by side start their devices together, not one setup apart.
     */
    static Run prepare(Path dataDir, Path folder, String id, Scenario scenario, double speed) {
        ScaledClock clock = new ScaledClock(LabClock.system().instant(), speed);
        Instant realStart = LabClock.system().instant();
        RunInfo info = new RunInfo(id, scenario.name(), scenario.description(), realStart, speed, RunState.RUNNING,
                null, clock.instant(), null, ProcessHandle.current().pid(), scenario.devices().size(), null, null);
        try {
            Files.createDirectories(folder);
            writeScenario(folder, scenario);
            writeInfo(folder, info);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the run folder " + folder + ": " + e.getMessage(), e);
        }
        EventBus events = new EventBus();
        EventJournal journal = EventJournal.record(folder, events, EventJournal.Retention.run());
        Store store = null;
        SubmissionServer server = null;
        try {
            store = Store.open(folder);
            SubmissionServer.Builder builder = SubmissionServer.builder().store(store).clock(clock).events(events)
                    .port(0).tlsFrom(dataDir);
            // A device on another endpoint (HVE: "move the newsletter to HVE") gets a listener of that kind.
            Set<EndpointKind> kinds = new TreeSet<>(scenario.endpoints());
            kinds.stream().filter(k -> k != EndpointKind.STANDARD).forEach(builder::alsoListen);
            server = builder.build();
            server.start();
            // Its devices all use STARTTLS: a run whose certificate cannot be read fails now, saying why.
            server.awaitTls();
            ScenarioSetup.apply(scenario, server);
            ScenarioSetup.applyTokens(scenario, store);
            Map<EndpointKind, Integer> ports = new EnumMap<>(EndpointKind.class);
            ports.put(EndpointKind.STANDARD, server.port());
            for (EndpointKind k : kinds) {
                ports.put(k, server.port(k));
            }
            SimulationEngine engine = new SimulationEngine(scenario, server.host(), ports, clock,
                    folder.resolve(ACCEPTED_LEDGER));
            Run run = new Run(folder, info, Optional.of(scenario), clock, store, journal, server, engine, null);
            LOG.info("run {} ({}) is ready at {}x on {}:{}", id, scenario.name(), speed, server.host(), server.port());
            return run;
        } catch (RuntimeException e) {
            clock.stop();
            if (server != null) {
                server.close();
            }
            journal.close();
            if (store != null) {
                store.close();
            }
            writeQuietly(folder, info.ended(RunState.FAILED, LabClock.system().instant(), clock.instant(), speed,
                    null, String.valueOf(e.getMessage())));
            throw e;
        }
    }

    /** A run of an earlier process (or one that ended), for review: its clock stands at the moment it ended. */
    static Run open(Path folder, RunInfo info) {
        Optional<Scenario> scenario = readScenario(folder);
        Instant at = info.simulatedEnd() != null ? info.simulatedEnd()
                : info.simulatedStart() != null ? info.simulatedStart() : info.started();
        ScaledClock clock = ScaledClock.stoppedAt(at, Math.max(1, Math.min(3600, info.speed())));
        SimulationReport report = readReport(folder).orElse(null);
        return new Run(folder, info, scenario, clock, Store.openReadOnly(folder), null, null, null, report);
    }

    /** The scenario's caption for the run's time {@code now} (the last one it reached), if it has any. */
    public Optional<String> captionAt(Instant now) {
        Instant start = info.simulatedStart() != null ? info.simulatedStart() : info.started();
        return scenario.flatMap(s -> s.captionAt(java.time.Duration.between(start, now))).map(Scenario.Caption::text);
    }

    /** Starts the devices of a prepared run (once). */
    synchronized void play() {
        if (engine == null || played || ended.isDone()) {
            return;
        }
        played = true;
        LOG.info("run {} starts its devices", info.id());
        engine.start();
        watch();
    }

    private void watch() {
        new NamedThreads("submitlab-run-" + info.id()).newThread(() -> {
            try {
                while (!engine.isFinished()) {
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finish();
        }).start();
    }

    /** Stops the clock and the server, completes the report and writes it, once the devices are done. */
    private synchronized void finish() {
        if (ended.isDone()) {
            return;
        }
        RunState state = stopRequested ? RunState.STOPPED : RunState.FINISHED;
        String error = null;
        try {
            engine.stop();
            clock.stop();
            report = RunChecks.complete(engine.report(), scenario.orElseThrow(), engine, store);
            engine.discardAcceptedLedger();
            server.stop();
            journal.close();
            AppJson.files().writeValue(folder.resolve(REPORT).toFile(), report);
        } catch (IOException | RuntimeException e) {
            LOG.warn("run {} could not complete its report: {}", info.id(), e.toString());
            state = RunState.FAILED;
            error = String.valueOf(e.getMessage());
        }
        SimulationReport r = report;
        RunInfo.Outcome outcome = r == null ? null : outcome(r);
        info = info.ended(state, LabClock.system().instant(), clock.instant(), clock.speed(), outcome, error);
        writeQuietly(folder, info);
        LOG.info("run {} {}", info.id(), state.id());
        ended.complete(r);
    }

    static RunInfo.Outcome outcome(SimulationReport r) {
        SimulationReport.Totals t = r.totals();
        return new RunInfo.Outcome(t.scheduled(), t.accepted(), t.refusedCount(), t.retries(), t.gaveUp(),
                r.pendingAtEnd(), r.allChecksPassed());
    }

    @Override
    public String id() {
        return info.id();
    }

    @Override
    public String name() {
        return info.name();
    }

    @Override
    public boolean isLive() {
        return false;
    }

    public RunInfo info() {
        return info;
    }

    public Path folder() {
        return folder;
    }

    /** The scenario it played; empty for a run whose scenario.json is missing or unreadable. */
    public Optional<Scenario> scenario() {
        return scenario;
    }

    @Override
    public ScaledClock clock() {
        return clock;
    }

    @Override
    public Store store() {
        return store;
    }

    /** The engine while this process plays the run; empty for a run opened for review. */
    public Optional<SimulationEngine> engine() {
        return Optional.ofNullable(engine);
    }

    /** The report once the run ended (complete with Sent Items and checks). */
    public Optional<SimulationReport> report() {
        return Optional.ofNullable(report);
    }

    /** Completes with the report when the run ends. */
    public CompletableFuture<SimulationReport> ended() {
        return ended;
    }

    public SimulationReport awaitEnd() throws InterruptedException {
        try {
            return ended.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public JournalFollower follow() {
        return journal != null ? journal.follow(Instant.EPOCH, 100_000) : EventJournal.history(folder, Instant.EPOCH);
    }

    /** Devices stop starting messages and the run's clock stands still. */
    public synchronized void pause() {
        if (engine != null && info.state() == RunState.RUNNING) {
            engine.pause();
            clock.pause();
            info = info.withState(RunState.PAUSED);
            writeQuietly(folder, info);
        }
    }

    public synchronized void resume() {
        if (engine != null && info.state() == RunState.PAUSED) {
            clock.resume();
            engine.resume();
            info = info.withState(RunState.RUNNING);
            writeQuietly(folder, info);
        }
    }

    /**
     * Plays {@code simulated} of the run's time and pauses again, for a trainer's single step; a running run pauses
     * first. Blocks for the real time the step takes (its simulated length over the speed).
     */
    public void step(Duration simulated) throws InterruptedException {
        pause();
        long realMillis = Math.max(1, Math.round(simulated.toMillis() / clock.speed())); // realDelay is endless while paused
        synchronized (this) {
            if (info.state() != RunState.PAUSED) {
                return; // ended meanwhile
            }
            resume();
        }
        Thread.sleep(realMillis);
        pause();
    }

    /** Ends the run now; its report says STOPPED. Returns at once; {@link #ended()} completes when it is written. */
    public void stop() {
        if (engine != null && !ended.isDone()) {
            stopRequested = true;
            engine.stop();
            synchronized (this) {
                if (!played) {
                    finish(); // nobody watches a run that never played: end it here
                }
            }
        }
    }

    public void setSpeed(double speed) {
        if (!clock.isStopped()) {
            clock.setSpeed(speed);
        }
    }

    @Override
    public WorldStatus status() {
        RunState state = info.state();
        if (server != null) {
            List<DeviceStatus> devices = engine.devices();
            return new WorldStatus(server.mailboxStatus(), devices,
                    state.active() ? engine.pendingRetries() : List.of(), Optional.of(state),
                    server.isRunning() ? Optional.of(new Endpoint(server.host(), server.port())) : Optional.empty());
        }
        List<DeviceStatus> devices = report == null ? List.of()
                : report.devices().stream().map(Run::deviceStatus).toList();
        return new WorldStatus(SubmissionServer.statusFromStore(store, clock), devices, List.of(), Optional.of(state),
                Optional.empty());
    }

    private static DeviceStatus deviceStatus(SimulationReport.DeviceReport d) {
        DeviceState state = d.pending() > 0 ? DeviceState.WAITING_TO_RETRY
                : d.gaveUp() > 0 ? DeviceState.GAVE_UP : DeviceState.DONE;
        DeviceKind kind;
        try {
            kind = DeviceKind.byId(d.kind());
        } catch (IllegalArgumentException e) {
            kind = DeviceKind.values()[0];
        }
        return new DeviceStatus(d.name(), kind, d.mailbox(), state, d.attempts(), d.accepted(),
                d.refused().values().stream().mapToLong(Long::longValue).sum(), d.retries(), d.gaveUp(),
                (int) d.pending(), d.lastReply() == null ? "" : d.lastReply());
    }

    /** Stops the run if it still plays, waits for its report, and closes its store. */
    @Override
    public void close() {
        stop();
        if (engine != null) {
            try {
                ended.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("run {} did not end within 60 s: {}", info.id(), e.toString());
            }
        }
        store.close();
    }

    // ---- files ----

    static Optional<RunInfo> readInfo(Path folder) {
        try {
            return Optional.of(AppJson.files().readValue(folder.resolve(INFO).toFile(), RunInfo.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void writeInfo(Path folder, RunInfo info) throws IOException {
        write(folder.resolve(INFO), AppJson.files().writeValueAsString(info));
    }

    private static void writeQuietly(Path folder, RunInfo info) {
        try {
            writeInfo(folder, info);
        } catch (IOException e) {
            LOG.warn("cannot update {}: {}", folder.resolve(INFO), e.toString());
        }
    }

    /** Replaces the file in one step, so a reader never sees half of it. */
    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Kept so "Run again" works after a restart; a scenario the file format cannot say is played all the same. */
    private static void writeScenario(Path folder, Scenario scenario) throws IOException {
        try {
            write(folder.resolve(SCENARIO), ScenarioWriter.toJson(scenario));
        } catch (IllegalArgumentException e) {
            LOG.warn("run {} plays without a scenario.json (Run again will not be offered after a restart): {}",
                    folder.getFileName(), e.getMessage());
        }
    }

    private static Optional<Scenario> readScenario(Path folder) {
        Path file = folder.resolve(SCENARIO);
        try {
            return Optional.of(Scenarios.load(file));
        } catch (ScenarioException e) {
            LOG.debug("run {} has no usable scenario: {}", folder, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<SimulationReport> readReport(Path folder) {
        try {
            return Optional.of(AppJson.files().readValue(folder.resolve(REPORT).toFile(), SimulationReport.class));
        } catch (IOException e) {
            LOG.debug("run {} has no readable report: {}", folder, e.toString());
            return Optional.empty();
        }
    }
}
