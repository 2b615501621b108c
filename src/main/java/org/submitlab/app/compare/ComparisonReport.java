package org.submitlab.app.compare;

import java.util.List;
import org.submitlab.sim.SimulationReport;

/**
 * What {@code simulate --compare --report FILE.json} writes: both runs' reports, each as its run's own
 * {@code report.json}, then the comparison's figures.
 */
public record ComparisonReport(List<SimulationReport> runs, Comparison comparison) {

    public ComparisonReport {
        runs = List.copyOf(runs);
    }
}
