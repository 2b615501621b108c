package org.submitlab.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.submitlab.app.Run;
import org.submitlab.app.RunInfo;
import org.submitlab.app.Runs;
import org.submitlab.app.report.InFlightTimeline;
import org.submitlab.app.report.ReportHtml;
import org.submitlab.sim.ReportTable;
import org.submitlab.sim.SimulationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code runs list|show|delete}: the simulation runs kept in a data folder. */
@Command(name = "runs", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"The simulation runs of a data folder (DATA/runs/ID), newest first. Each run is a world of "
                + "its own: its store, its report and its event history stay until it is deleted.",
            "Works while a console or a server uses the folder."},
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.ShowRun.class, RunsCommand.DeleteRun.class})
public final class RunsCommand implements Runnable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: list, show ID or delete ID");
    }

    static Runs runs(DataFolderOption data) {
        return new Runs(data.folder());
    }

    static RunInfo find(Runs runs, String id, CommandLine cl) {
        try {
            return runs.find(id);
        } catch (Runs.NoSuchRunException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists the runs, newest first.", "With --json: one object per line (id, name, started, "
                    + "speed, state, ended, simulatedStart, simulatedEnd, devices, outcome, folder)."})
    static final class ListRuns implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DataFolderOption data = new DataFolderOption();

        @Option(names = "--json", description = "One JSON object per line instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Runs runs = runs(data);
            List<RunInfo> all = runs.list();
            String row = "%-22s  %-26s  %-19s  %7s  %-11s  %8s  %7s  %5s%n";
            if (!json) {
                out.printf(row, "ID", "NAME", "STARTED (UTC)", "SPEED", "STATE", "ACCEPTED", "REFUSED", "LOST");
            }
            for (RunInfo r : all) {
                if (json) {
                    out.println(r.toJsonLine(runs.folder().resolve(r.id())));
                } else {
                    RunInfo.Outcome o = r.outcome();
                    out.printf(row, r.id(), cut(r.name(), 26), time(r.started()), speed(r.speed()), r.state().id(),
                            o == null ? "" : o.accepted(), o == null ? "" : o.refused(), o == null ? "" : o.lost());
                }
            }
            out.flush();
            if (!json) {
                spec.commandLine().getErr().println(all.size() + " run(s) in " + runs.folder());
                spec.commandLine().getErr().flush();
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows one run (an id, or 'latest'): what it played, when, and its report.")
    static final class ShowRun implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID|latest")
        String id;

        @Mixin
        DataFolderOption data = new DataFolderOption();

        @Option(names = "--json", description = "The run as one JSON object.")
        boolean json;

        @Option(names = "--html", paramLabel = "FILE.html",
                description = "Also write the report as one self-contained HTML page (no scripts, nothing loaded).")
        java.nio.file.Path html;

        @Override
        public Integer call() throws java.io.IOException {
            PrintWriter out = spec.commandLine().getOut();
            Runs runs = runs(data);
            RunInfo info = find(runs, id, spec.commandLine());
            if (html != null) {
                try (Run run = runs.open(info.id())) {
                    SimulationReport r = run.report().orElseThrow(() -> new CommandFailure("run " + info.id()
                            + " has no report yet: it is still playing or it failed before its first report"));
                    java.nio.file.Files.writeString(html, ReportHtml.render(r, InFlightTimeline.ofRun(run.folder(), r)));
                }
                out.println("Report written to " + html);
            }
            if (json) {
                out.println(info.toJsonLine(runs.folder().resolve(info.id())));
                out.flush();
                return 0;
            }
            out.println("Run      " + info.id());
            out.println("Scenario " + info.name() + (info.description() == null ? "" : ": " + info.description()));
            out.println("State    " + info.state().id() + (info.error() == null ? "" : " (" + info.error() + ")"));
            out.println("Started  " + time(info.started()) + " UTC at " + speed(info.speed())
                    + (info.ended() == null ? "" : ", ended " + time(info.ended()) + " UTC"));
            out.println("Clock    " + time(info.simulatedStart()) + " to "
                    + (info.simulatedEnd() == null ? "now" : time(info.simulatedEnd())) + " (simulated, UTC)");
            out.println("Folder   " + runs.folder().resolve(info.id()));
            try (Run run = runs.open(info.id())) {
                run.report().ifPresent(r -> {
                    out.println();
                    out.print(ReportTable.format(r));
                });
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Deletes a run and everything it recorded (refused while it plays).")
    static final class DeleteRun implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID")
        String id;

        @Mixin
        DataFolderOption data = new DataFolderOption();

        @Override
        public Integer call() {
            Runs runs = runs(data);
            RunInfo info = find(runs, id, spec.commandLine());
            try {
                runs.delete(info.id());
            } catch (IllegalStateException e) {
                throw new CommandFailure(e.getMessage());
            }
            spec.commandLine().getOut().println("deleted run " + info.id() + " (" + info.name() + ")");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static String speed(double s) {
        return (s == Math.rint(s) ? String.format(Locale.ROOT, "%,d", (long) s) : String.format(Locale.ROOT, "%.1f", s))
                + "x";
    }

    private static String cut(String s, int w) {
        return s == null ? "" : s.length() <= w ? s : s.substring(0, w - 3) + "...";
    }
}
