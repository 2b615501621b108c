package org.submitlab.app.compare;

import java.util.List;
import java.util.Optional;
import org.submitlab.app.Run;
import org.submitlab.app.Runs;
import org.submitlab.app.report.InFlightTimeline;
import org.submitlab.sim.Scenario;
import org.submitlab.sim.SimulationReport;

/**
 * A problem and its remedy played side by side: two runs, each a world of its own (store, server, clock), started
 * together at one speed with one seed (A's), so they read as one clock. Both play at the same time; see decision
 * 0401 for why that is sound on a small machine and how a reader can tell when it was not.
 */
public final class CompareRuns implements AutoCloseable {

    private final Run a;
    private final Run b;
    private final long seed;
    private final double speed;
    private final Optional<RemedyPair> pair;

    private CompareRuns(Run a, Run b, long seed, double speed, Optional<RemedyPair> pair) {
        this.a = a;
        this.b = b;
        this.seed = seed;
        this.speed = speed;
        this.pair = pair;
    }

    /** What a comparison produced: the report (both runs' reports and the figures) and each run's timeline. */
    public record Result(ComparisonReport report, List<InFlightTimeline> timelines) {
        public Result {
            timelines = List.copyOf(timelines);
        }

        public Comparison comparison() {
            return report.comparison();
        }
    }

    /** Starts A and B (B with A's seed) at {@code speed}; each gets a run of its own in {@code runs}. */
    public static CompareRuns start(Runs runs, Scenario problem, Scenario remedy, double speed) {
        long seed = problem.seed();
        List<Run> both = runs.startTogether(List.of(problem, remedy.withSeed(seed)), speed);
        return new CompareRuns(both.get(0), both.get(1), seed, speed, RemedyPairs.of(problem.name(), remedy.name()));
    }

    public Run a() {
        return a;
    }

    public Run b() {
        return b;
    }

    public long seed() {
        return seed;
    }

    public double speed() {
        return speed;
    }

    public Optional<RemedyPair> pair() {
        return pair;
    }

    /** Both runs ended (or failed). */
    public boolean ended() {
        return a.ended().isDone() && b.ended().isDone();
    }

    /** Waits for both runs and compares them; empty when a run failed (its {@code run.json} says why). */
    public Optional<Result> awaitEnd() throws InterruptedException {
        SimulationReport ra = a.awaitEnd();
        SimulationReport rb = b.awaitEnd();
        if (ra == null || rb == null) {
            return Optional.empty();
        }
        return Optional.of(compare(pair.orElse(null), speed, seed, a.id(), ra, a, b.id(), rb, b));
    }

    /** Two runs that ended, compared from their reports and recorded events (for runs opened for review). */
    public static Result of(Run a, Run b) {
        SimulationReport ra = a.report().orElseThrow(() -> new IllegalStateException("run " + a.id() + " has no report"));
        SimulationReport rb = b.report().orElseThrow(() -> new IllegalStateException("run " + b.id() + " has no report"));
        Optional<RemedyPair> pair = RemedyPairs.of(ra.scenario(), rb.scenario());
        long seed = a.scenario().map(Scenario::seed).orElse(0L);
        return compare(pair.orElse(null), ra.speed(), seed, a.id(), ra, a, b.id(), rb, b);
    }

    private static Result compare(RemedyPair pair, double speed, long seed, String idA, SimulationReport ra, Run a,
            String idB, SimulationReport rb, Run b) {
        InFlightTimeline ta = timeline(a, ra);
        InFlightTimeline tb = timeline(b, rb);
        Comparison c = Comparison.of(pair, speed, seed, RunFigures.of(idA, ra, ta), RunFigures.of(idB, rb, tb));
        return new Result(new ComparisonReport(List.of(ra, rb), c), List.of(ta, tb));
    }

    private static InFlightTimeline timeline(Run run, SimulationReport r) {
        return InFlightTimeline.ofRun(run.folder(), r);
    }

    /** Stops both runs if they still play, and closes them. */
    @Override
    public void close() {
        try {
            a.close();
        } finally {
            b.close();
        }
    }
}
