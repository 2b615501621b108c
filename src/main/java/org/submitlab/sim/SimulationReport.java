package org.submitlab.sim;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The outcome of a run, written as the report JSON (field names are the JSON's).
 *
 * @param speed             clock speed at the end of the run
 * @param simulatedSeconds  simulated time the devices ran (pauses excluded)
 * @param state             RUNNING, PAUSED, FINISHED or STOPPED when the report was taken
 * @param pendingAtEnd      messages not yet accepted nor given up when the run ended
 * @param checks            invariants checked against the server's store (empty when it was not reachable)
 */
public record SimulationReport(String scenario, double speed, long simulatedSeconds, String startedAt,
        String endedAt, String state, Totals totals, List<DeviceReport> devices, List<MailboxReport> mailboxes,
        ScheduleLag scheduleLag, long pendingAtEnd, List<Check> checks) {

    public SimulationReport {
        devices = List.copyOf(devices);
        mailboxes = List.copyOf(mailboxes);
        checks = List.copyOf(checks);
    }

    /**
     * @param scheduled       messages the device's schedule started
     * @param attempts        transactions tried (retries included)
     * @param refused         refusals by reply code and enhanced code, e.g. {"432 4.3.2": 7}
     * @param messagesAccepted messages fully accepted (every transaction of it)
     * @param delayP50Seconds first attempt to acceptance, simulated seconds (null: nothing accepted)
     * @param intendedPerHour messages per simulated hour the schedule asked for
     * @param effectivePerHour messages per simulated hour that got through
     */
    public record DeviceReport(String name, String kind, String mailbox, long scheduled, long attempts,
            long accepted, Map<String, Long> refused, long retries, long gaveUp, long pending,
            long messagesAccepted, Double delayP50Seconds, Double delayP95Seconds, double intendedPerHour,
            double effectivePerHour, String lastReply) {
    }

    /**
     * @param recipientsInWindow envelope recipients the simulator got accepted in the last 24 simulated hours
     * @param sentItems          Sent Items messages in the mailbox (null when the store is not reachable)
     */
    public record MailboxReport(String address, int devices, long attempts, long accepted, Map<String, Long> refused,
            long recipientsInWindow, Long sentItems) {

        public MailboxReport withSentItems(Long n) {
            return new MailboxReport(address, devices, attempts, accepted, refused, recipientsInWindow, n);
        }
    }

    /**
     * @param delayP50Seconds  every accepted transaction's delay (first attempt, or hand-off to a relay, to its
     *                         acceptance), simulated seconds; null when nothing was accepted (or in reports of
     *                         earlier versions)
     */
    public record Totals(long scheduled, long attempts, long accepted, Map<String, Long> refused, long retries,
            long gaveUp, long pending, Double delayP50Seconds, Double delayP95Seconds) {

        public long refusedCount() {
            return refused.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** How late attempts started against their due time, in simulated seconds (simulator overhead). */
    public record ScheduleLag(long samples, double p50Seconds, double p95Seconds, double maxSeconds) {
    }

    /** An invariant checked after the run, e.g. every message in Sent Items exactly once. */
    public record Check(String name, boolean passed, String detail) {
    }

    /** This report with each mailbox's Sent Items count filled in. */
    public SimulationReport withSentItems(Function<String, Long> countFor) {
        List<MailboxReport> m = mailboxes.stream().map(r -> r.withSentItems(countFor.apply(r.address()))).toList();
        return new SimulationReport(scenario, speed, simulatedSeconds, startedAt, endedAt, state, totals, devices, m,
                scheduleLag, pendingAtEnd, checks);
    }

    public SimulationReport withChecks(List<Check> c) {
        return new SimulationReport(scenario, speed, simulatedSeconds, startedAt, endedAt, state, totals, devices,
                mailboxes, scheduleLag, pendingAtEnd, c);
    }

    public boolean allChecksPassed() {
        return checks.stream().allMatch(Check::passed);
    }

    public MailboxReport mailbox(String address) {
        return mailboxes.stream().filter(m -> m.address().equals(address)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mailbox " + address + " in the report"));
    }

    public DeviceReport device(String name) {
        return devices.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no device " + name + " in the report"));
    }
}
