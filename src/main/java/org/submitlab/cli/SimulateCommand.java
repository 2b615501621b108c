package org.submitlab.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.submitlab.app.Run;
import org.submitlab.app.Runs;
import org.submitlab.concurrent.NamedThreads;
import org.submitlab.policy.Durations;
import org.submitlab.policy.LabClock;
import org.submitlab.sim.ReportTable;
import org.submitlab.sim.Scenario;
import org.submitlab.sim.ScenarioException;
import org.submitlab.sim.Scenarios;
import org.submitlab.sim.SimulationEngine;
import org.submitlab.sim.SimulationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code simulate}: runs a scenario's devices against an embedded server (or --target) and reports. */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        description = {"Runs simulated devices (printers, apps, alerting, newsletters) over real SMTP in a run of "
                + "their own: a new world under DATA/runs/ID with its own store, clock and server on a free loopback "
                + "port, in accelerated time. Live is never touched. Prints 'run ID' first; see 'submitlab runs'.",
                "With --target the devices drive a server that is already running instead, at real time.",
                "Presets: printers-sharing-mailbox, newsletter-one-mailbox, alert-storm, per-recipient-tracking, "
                        + "mailbox-per-device. The scenario format is described in docs/scenarios.md."})
public final class SimulateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.json", description = "A scenario file.")
    Path file;

    @Option(names = "--preset", paramLabel = "NAME", description = "A preset scenario instead of a file.")
    String preset;

    @Option(names = "--speed", paramLabel = "N",
            description = "Simulated seconds per real second, 1 to 3600 (default: the scenario's).")
    Double speed;

    @Option(names = "--duration", paramLabel = "D",
            description = "Simulated time during which devices start messages, e.g. 2m, 24h (default: the scenario's).")
    String duration;

    @Option(names = "--drain", paramLabel = "D",
            description = "Extra simulated time after the duration for pending retries (default: the scenario's).")
    String drain;

    @Mixin
    DataFolderOption data = new DataFolderOption();

    @Option(names = "--report", paramLabel = "FILE.json|FILE.html",
            description = "Write the report here: JSON, or one self-contained HTML page when the name ends in .html.")
    Path report;

    @Option(names = "--target", paramLabel = "HOST:PORT",
            description = "Drive a server that is already running instead of an embedded one; its mailboxes must exist.")
    String target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((file == null) == (preset == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give a SCENARIO.json file or --preset NAME (one of " + String.join(", ", Scenarios.presetNames()) + ")");
        }
        Scenario scenario;
        try {
            scenario = file != null ? Scenarios.load(file) : Scenarios.preset(preset);
            if (duration != null) {
                scenario = scenario.withDuration(simulatedDuration("--duration", duration));
            }
            if (drain != null) {
                scenario = scenario.withDrain(simulatedDuration("--drain", drain));
            }
        } catch (ScenarioException e) {
            err.println("simulate: " + e.getMessage());
            err.println("simulate: nothing was started");
            err.flush();
            return 2;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        double s = speed != null ? speed : scenario.speed();
        if (!(s >= 1 && s <= 3600)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--speed must be between 1 and 3600, was " + s);
        }
        Progress progress = new Progress(err, System.console() != null);
        SimulationReport result;
        if (target != null) {
            HostPort hp = HostPort.parse(target, spec.commandLine());
            err.println("Driving " + hp.host + ":" + hp.port + " at real time (1x) with " + scenario.devices().size()
                    + " devices; its mailboxes must already exist"
                    + (speed != null && speed != 1 ? " (--speed " + speed + " is ignored: the target "
                    + "runs on real time, and so do devices aimed at it)" : ""));
            err.flush();
            SimulationEngine engine = new SimulationEngine(scenario, hp.host, hp.port, LabClock.system());
            engine.start();
            try {
                awaitEnd(engine, () -> engine.isFinished(), progress);
            } finally {
                engine.stop();
            }
            result = engine.report();
        } else {
            Runs runs = new Runs(data.folder());
            Run run = runs.start(scenario, s);
            out.println("run " + run.id());
            out.flush();
            err.println("Run " + run.id() + " in " + run.folder() + " (Live in " + data.folder().toAbsolutePath()
                    + " is not touched)");
            err.flush();
            SimulationEngine engine = run.engine().orElseThrow();
            // Ctrl-C stops the run cleanly: its report and run.json say STOPPED instead of a run left "running".
            Thread hook = new NamedThreads("submitlab-simulate-stop").newThread(run::close);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                awaitEnd(engine, () -> run.ended().isDone(), progress);
                result = run.awaitEnd();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.close();
                return 1;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
            }
            if (result == null) {
                err.println("simulate: run " + run.id() + " failed: " + run.info().error());
                err.flush();
                run.close();
                return 1;
            }
            run.close();
        }
        out.print(ReportTable.format(result));
        out.flush();
        if (report != null) {
            writeReport(result, report);
            out.println("Report written to " + report);
            out.flush();
        }
        return result.allChecksPassed() ? 0 : 1;
    }

    private Duration simulatedDuration(String option, String text) {
        Duration d = Durations.parse(text);
        if (d.isNegative() || (option.equals("--duration") && d.isZero())) {
            throw new IllegalArgumentException(option + " must be positive, was " + text);
        }
        return d;
    }

    /** Prints progress until {@code done}. */
    private static void awaitEnd(SimulationEngine engine, java.util.function.BooleanSupplier done,
            Consumer<SimulationEngine> onProgress) {
        try {
            while (!done.getAsBoolean()) {
                Thread.sleep(200);
                onProgress.accept(engine);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onProgress.accept(engine);
    }

    static void writeReport(SimulationReport r, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
            Files.writeString(file, org.submitlab.app.report.ReportHtml.render(r));
            return;
        }
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file.toFile(), r);
    }

    /** The progress line: rewritten in place on a terminal, else printed every few seconds. */
    private static final class Progress implements Consumer<SimulationEngine> {
        private final PrintWriter err;
        private final boolean terminal;
        private long lastPrint;
        private String last = "";

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void accept(SimulationEngine engine) {
            String line = ReportTable.progressLine(engine);
            long now = System.nanoTime();
            boolean finished = engine.isFinished();
            if (terminal) {
                err.print("\r" + line + " ".repeat(Math.max(0, last.length() - line.length())));
                if (finished) {
                    err.println();
                }
            } else if (finished || now - lastPrint > 2_000_000_000L) {
                err.println(line);
                lastPrint = now;
            }
            last = line;
            err.flush();
        }
    }

    private record HostPort(String host, int port) {
        static HostPort parse(String text, CommandLine cl) {
            int colon = text.lastIndexOf(':');
            try {
                int port = Integer.parseInt(text.substring(colon + 1));
                if (colon <= 0 || port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new HostPort(text.substring(0, colon), port);
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(cl, "--target must be HOST:PORT, e.g. 127.0.0.1:587, was " + text);
            }
        }
    }
}
