package org.submitlab.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.submitlab.app.Run;
import org.submitlab.app.Runs;
import org.submitlab.app.compare.CompareRuns;
import org.submitlab.app.compare.Comparison;
import org.submitlab.app.compare.ComparisonHtml;
import org.submitlab.app.compare.ComparisonTable;
import org.submitlab.app.compare.RemedyPair;
import org.submitlab.app.compare.RemedyPairs;
import org.submitlab.app.report.InFlightTimeline;
import org.submitlab.app.report.ReportHtml;
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
                "With --compare A B (presets or scenario files) or --compare-pair ID, a problem and its remedy play "
                        + "side by side: two runs at one speed with one seed (A's), then a comparison table.",
                "Presets: printers-sharing-mailbox, newsletter-one-mailbox, alert-storm, per-recipient-tracking, "
                        + "mailbox-per-device, newsletter-batches, newsletter-distribution-group, alert-storm-relay, "
                        + "app-on-basic-auth, app-moved-to-hve. Remedy pairs: printers, newsletter-batches, "
                        + "newsletter-group, alert-storm, hve. The scenario format is described in docs/scenarios.md."})
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

    @Option(names = "--compare", arity = "2", paramLabel = "A B",
            description = "Play A (the problem) and B (the remedy) side by side and compare them: each a preset name or "
                    + "a scenario file; both at one speed with A's seed, each in a run of its own.")
    List<String> compare;

    @Option(names = "--compare-pair", paramLabel = "ID",
            description = "Compare a built-in problem/remedy pair: printers, newsletter-batches, newsletter-group, "
                    + "alert-storm, hve.")
    String comparePair;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (compare != null || comparePair != null) {
            return compare(out, err);
        }
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
        Path runFolder = null;
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
            runFolder = run.folder();
        }
        out.print(ReportTable.format(result));
        out.flush();
        if (report != null) {
            writeReport(result, report, runFolder == null ? null : InFlightTimeline.ofRun(runFolder, result));
            out.println("Report written to " + report);
            out.flush();
        }
        return result.allChecksPassed() ? 0 : 1;
    }

    /** {@code --compare A B} or {@code --compare-pair ID}: two runs side by side, then the comparison. */
    private int compare(PrintWriter out, PrintWriter err) throws IOException {
        CommandLine cl = spec.commandLine();
        if (compare != null && comparePair != null) {
            throw new CommandLine.ParameterException(cl, "give --compare A B or --compare-pair ID, not both");
        }
        if (file != null || preset != null || target != null) {
            throw new CommandLine.ParameterException(cl, "--compare plays two scenarios in runs of their own: it takes "
                    + "no SCENARIO.json, --preset or --target");
        }
        List<String> names;
        if (comparePair != null) {
            try {
                RemedyPair pair = RemedyPairs.byId(comparePair);
                names = List.of(pair.problem(), pair.remedy());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
        } else {
            names = compare;
        }
        Scenario a;
        Scenario b;
        try {
            a = adjusted(scenario(names.get(0)));
            b = adjusted(scenario(names.get(1)));
        } catch (ScenarioException e) {
            err.println("simulate: " + e.getMessage());
            err.println("simulate: nothing was started");
            err.flush();
            return 2;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        double s = speed != null ? speed : a.speed();
        if (!(s >= 1 && s <= 3600)) {
            throw new CommandLine.ParameterException(cl, "--speed must be between 1 and 3600, was " + s);
        }
        Runs runs = new Runs(data.folder());
        CompareRuns cmp = CompareRuns.start(runs, a, b, s);
        out.println("run " + cmp.a().id());
        out.println("run " + cmp.b().id());
        out.flush();
        err.println("A: run " + cmp.a().id() + " (" + a.name() + ") in " + cmp.a().folder());
        err.println("B: run " + cmp.b().id() + " (" + b.name() + ") in " + cmp.b().folder());
        err.println("Both at " + trim(s) + "x with seed " + cmp.seed() + " (A's), at the same time; Live in "
                + data.folder().toAbsolutePath() + " is not touched");
        err.flush();
        Thread hook = new NamedThreads("submitlab-compare-stop").newThread(cmp::close);
        Runtime.getRuntime().addShutdownHook(hook);
        Optional<CompareRuns.Result> result;
        try {
            Progress progress = new Progress(err, System.console() != null);
            SimulationEngine ea = cmp.a().engine().orElseThrow();
            SimulationEngine eb = cmp.b().engine().orElseThrow();
            while (!cmp.ended()) {
                Thread.sleep(200);
                progress.show("A " + ReportTable.progressLine(ea) + " | B " + ReportTable.progressLine(eb), false);
            }
            progress.show("A " + ReportTable.progressLine(ea) + " | B " + ReportTable.progressLine(eb), true);
            result = cmp.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cmp.close();
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        cmp.close();
        if (result.isEmpty()) {
            err.println("simulate: run " + (cmp.a().info().error() != null ? cmp.a().id() + " failed: "
                    + cmp.a().info().error() : cmp.b().id() + " failed: " + cmp.b().info().error()));
            err.flush();
            return 1;
        }
        Comparison c = result.get().comparison();
        out.print(ComparisonTable.format(c));
        for (int i = 0; i < 2; i++) {
            for (SimulationReport.Check check : result.get().report().runs().get(i).checks()) {
                out.println((i == 0 ? "A " : "B ") + (check.passed() ? "OK     " : "FAILED ") + check.name() + ": "
                        + check.detail());
            }
        }
        out.flush();
        if (report != null) {
            writeComparison(result.get(), report);
            out.println("Report written to " + report);
            out.flush();
        }
        return c.a().checksPassed() && c.b().checksPassed() ? 0 : 1;
    }

    /** A preset by name, or a scenario file (a name that is a file, or ends in .json). */
    private static Scenario scenario(String name) {
        Path path = Path.of(name);
        if (Files.exists(path) || name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return Scenarios.load(path);
        }
        if (Scenarios.presetNames().contains(name)) {
            return Scenarios.preset(name);
        }
        throw new IllegalArgumentException("'" + name + "' is neither a preset (" + String.join(", ",
                Scenarios.presetNames()) + ") nor a scenario file");
    }

    /** The scenario with --duration and --drain applied. */
    private Scenario adjusted(Scenario s) {
        Scenario out = s;
        if (duration != null) {
            out = out.withDuration(simulatedDuration("--duration", duration));
        }
        if (drain != null) {
            out = out.withDrain(simulatedDuration("--drain", drain));
        }
        return out;
    }

    static void writeComparison(CompareRuns.Result r, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
            Files.writeString(file, ComparisonHtml.render(r.report(), r.timelines()));
            return;
        }
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file.toFile(), r.report());
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
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

    /** The report as JSON, or as an HTML page (with the transactions-in-flight chart when {@code timeline} is given). */
    static void writeReport(SimulationReport r, Path file, InFlightTimeline timeline) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
            Files.writeString(file, ReportHtml.render(r, timeline));
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
            show(ReportTable.progressLine(engine), engine.isFinished());
        }

        void show(String line, boolean finished) {
            long now = System.nanoTime();
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
