package org.submitlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.submitlab.policy.EndpointKind;
import org.submitlab.sim.AcceptedSubmission;
import org.submitlab.sim.OutcomeChecks;
import org.submitlab.sim.Scenario;
import org.submitlab.sim.ScenarioMailbox;
import org.submitlab.sim.SimulationEngine;
import org.submitlab.sim.SimulationReport;
import org.submitlab.store.Store;

/** A run's invariants, checked against its own store once it ended: what got a 250 is stored once, deliveries follow the envelope. */
final class RunChecks {

    private RunChecks() {
    }

    static SimulationReport complete(SimulationReport report, Scenario scenario, SimulationEngine engine, Store store) {
        return report.withSentItems(address -> store.sentItems().count(Optional.of(address), ""))
                .withChecks(checks(scenario, engine, store));
    }

    private static List<SimulationReport.Check> checks(Scenario scenario, SimulationEngine engine, Store store) {
        String marker = engine.runId().toLowerCase(Locale.ROOT) + ".";
        List<AcceptedSubmission> stored = new ArrayList<>();
        store.sentItems().forEach(Optional.empty(), item -> {
            if (OutcomeChecks.normalizeMessageId(item.messageId()).startsWith(marker)) {
                stored.add(new AcceptedSubmission(item.mailbox(), item.messageId(), item.envelopeTo()));
            }
        });
        Set<String> noCopies = scenario.mailboxes().stream().filter(m -> !m.saveToSentItems())
                .map(ScenarioMailbox::address).collect(Collectors.toSet());
        // High Volume Email keeps no Sent Items copy: its submissions are checked by their deliveries only
        List<AcceptedSubmission> copied = engine.acceptedSubmissions().stream()
                .filter(a -> a.endpoint() != EndpointKind.HVE).toList();
        return List.of(OutcomeChecks.sentItemsExactlyOnce(copied, stored, noCopies),
                OutcomeChecks.deliveriesFollowEnvelope(scenario.groups().isEmpty() ? engine.acceptedPerRecipient()
                        : OutcomeChecks.addressedPerRecipient(engine.acceptedSubmissions(), scenario.groups()),
                        store.deliveries().countByRecipient()));
    }
}
