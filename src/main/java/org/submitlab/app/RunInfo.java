package org.submitlab.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What {@code run.json} says of a run, and what {@code runs list --json} prints (field names are the JSON's).
 *
 * @param started         real time the run started
 * @param speed           simulated seconds per real second (at the end, if it changed)
 * @param ended           real time it ended; null while it runs
 * @param simulatedStart  its clock when it started
 * @param simulatedEnd    its clock when it ended (the clock stops there); null while it runs
 * @param pid             the process that plays it
 * @param outcome         null until it ended
 * @param error           why it failed, when it did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunInfo(String id, String name, String description, Instant started, double speed, RunState state,
        Instant ended, Instant simulatedStart, Instant simulatedEnd, long pid, int devices, Outcome outcome,
        String error) {

    /** Totals of a run that ended; {@code lost} counts transactions given up. */
    public record Outcome(long scheduled, long accepted, long refused, long retries, long lost, long pending,
            boolean checksPassed) {
    }

    /** This run as one line of JSON (what {@code runs list --json} prints), with its folder. */
    public String toJsonLine(java.nio.file.Path folder) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode o = AppJson.lines().valueToTree(this);
            o.put("folder", folder.toString());
            return AppJson.lines().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    RunInfo withState(RunState s) {
        return new RunInfo(id, name, description, started, speed, s, ended, simulatedStart, simulatedEnd, pid,
                devices, outcome, error);
    }

    RunInfo ended(RunState s, Instant realEnd, Instant simEnd, double finalSpeed, Outcome o, String why) {
        return new RunInfo(id, name, description, started, finalSpeed, s, realEnd, simulatedStart,
                simEnd == null ? simulatedStart : simEnd, pid, devices, o, why);
    }
}
