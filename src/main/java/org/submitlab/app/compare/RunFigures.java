package org.submitlab.app.compare;

import java.util.Map;
import java.util.TreeMap;
import org.submitlab.app.report.InFlightTimeline;
import org.submitlab.sim.DeviceKind;
import org.submitlab.sim.SimulationReport;

/**
 * One run's figures in a comparison (field names are the JSON's).
 *
 * @param messages              messages the devices' schedules started
 * @param messagesAccepted      messages fully accepted
 * @param transactionsAccepted  SMTP transactions accepted (one per recipient for per-recipient apps)
 * @param refused               refusals by reply code and enhanced code
 * @param lost                  transactions given up, or still waiting when the run ended
 * @param delayP50Seconds       first attempt (or hand-off to a relay) to acceptance, simulated seconds; null: none
 * @param recipientsUsed        recipients counted against the mailboxes' 24-hour budgets at the end
 * @param peakInFlight          the most transactions in flight at once at the server, in all; null when not known
 * @param peakInFlightMailbox   the most transactions of one mailbox in flight at once (what its limit is about)
 * @param scheduleLagP95Seconds how late attempts started against their time: the simulator's own overhead
 */
public record RunFigures(String runId, String scenario, long messages, long messagesAccepted,
        long transactionsAccepted, Map<String, Long> refused, long refusedTotal, long retries, long lost,
        Double delayP50Seconds, Double delayP95Seconds, long recipientsUsed, Integer peakInFlight, Integer peakInFlightMailbox,
        long simulatedSeconds, double scheduleLagP95Seconds, boolean checksPassed) {

    public RunFigures {
        refused = new TreeMap<>(refused);
    }

    public static RunFigures of(String runId, SimulationReport r, InFlightTimeline timeline) {
        SimulationReport.Totals t = r.totals();
        long messagesAccepted = r.devices().stream().filter(d -> !DeviceKind.RELAY.id().equals(d.kind()))
                .mapToLong(SimulationReport.DeviceReport::messagesAccepted).sum();
        long recipients = r.mailboxes().stream().mapToLong(SimulationReport.MailboxReport::recipientsInWindow).sum();
        return new RunFigures(runId, r.scenario(), t.scheduled(), messagesAccepted, t.accepted(), t.refused(),
                t.refusedCount(), t.retries(), t.gaveUp() + t.pending(), t.delayP50Seconds(), t.delayP95Seconds(),
                recipients, timeline == null ? null : timeline.peak(), timeline == null ? null : timeline.peakMailbox(),
                r.simulatedSeconds(),
                r.scheduleLag() == null ? 0 : r.scheduleLag().p95Seconds(), r.allChecksPassed());
    }
}
