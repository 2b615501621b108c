package org.submitlab.ui;

import org.submitlab.sim.ScenarioException;

/** What the console says of a scenario it could not load: where (file, line, column, field) and what. */
final class ScenarioErrorText {

    private ScenarioErrorText() {
    }

    static String of(Throwable e) {
        Throwable cause = e;
        while (!(cause instanceof ScenarioException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (!(cause instanceof ScenarioException s)) {
            return (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "\n\nNothing was loaded: the scenario picked before stays.";
        }
        StringBuilder b = new StringBuilder("File: ").append(s.source());
        if (s.line() > 0) {
            b.append("\nLine ").append(s.line());
            if (s.column() > 0) {
                b.append(", column ").append(s.column());
            }
        }
        if (!s.field().isEmpty()) {
            b.append("\nField: ").append(s.field());
        }
        b.append("\n\n").append(s.problem())
                .append("\n\nNothing was loaded: the scenario picked before stays. The format is in docs/scenarios.md.");
        return b.toString();
    }
}
