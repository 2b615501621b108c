package org.submitlab.sim;

/** TEMPORARY stub until the real writer lands. */
public final class ScenarioWriter {
    private ScenarioWriter() {
    }

    public static String toJson(Scenario s) {
        return "{}";
    }
}
