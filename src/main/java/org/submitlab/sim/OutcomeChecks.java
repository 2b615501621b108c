package org.submitlab.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.submitlab.policy.DistributionGroup;

/**
 * Invariants of a run, checked against what the server stored: every accepted transaction is in
 * Sent Items exactly once, and every envelope recipient got exactly the copies addressed to it.
 * The caller reads the server's store; this class only compares.
 */
public final class OutcomeChecks {

    private OutcomeChecks() {
    }

    /**
     * Compares the transactions the devices saw accepted with the Sent Items copies of this run.
     *
     * @param accepted        the engine's accepted submissions
     * @param stored          Sent Items entries whose Message-ID belongs to the run (same record shape)
     * @param ignoreMailboxes mailboxes that keep no Sent Items copies
     */
    public static SimulationReport.Check sentItemsExactlyOnce(List<AcceptedSubmission> accepted,
            List<AcceptedSubmission> stored, Set<String> ignoreMailboxes) {
        Map<String, Integer> expected = count(accepted.stream().filter(a -> !ignoreMailboxes.contains(a.mailbox())).toList());
        Map<String, Integer> actual = count(stored.stream().filter(a -> !ignoreMailboxes.contains(a.mailbox())).toList());
        List<String> problems = new ArrayList<>();
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String k : keys) {
            int e = expected.getOrDefault(k, 0);
            int a = actual.getOrDefault(k, 0);
            if (e != a) {
                problems.add(k + ": accepted " + e + "x, in Sent Items " + a + "x");
            }
        }
        long copies = actual.values().stream().mapToLong(Integer::longValue).sum();
        if (problems.isEmpty()) {
            return new SimulationReport.Check("sentItemsExactlyOnce", true,
                    expected.size() + " accepted submissions, each in Sent Items exactly once (" + copies + " copies)");
        }
        return new SimulationReport.Check("sentItemsExactlyOnce", false, problems.size() + " mismatches, e.g. "
                + problems.stream().limit(3).collect(Collectors.joining("; ")));
    }

    /** Compares accepted transactions per envelope recipient with the delivery copies the server made. */
    public static SimulationReport.Check deliveriesFollowEnvelope(Map<String, Long> acceptedPerRecipient,
            Map<String, Long> deliveredPerRecipient) {
        Map<String, Long> expected = normalize(acceptedPerRecipient);
        Map<String, Long> actual = normalize(deliveredPerRecipient);
        List<String> problems = new ArrayList<>();
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String k : keys) {
            long e = expected.getOrDefault(k, 0L);
            long a = actual.getOrDefault(k, 0L);
            if (e != a) {
                problems.add(k + ": addressed " + e + "x, delivered " + a + "x");
            }
        }
        if (problems.isEmpty()) {
            return new SimulationReport.Check("deliveriesFollowEnvelope", true,
                    expected.size() + " recipients, each got exactly the copies addressed to it in the envelope");
        }
        return new SimulationReport.Check("deliveriesFollowEnvelope", false, problems.size() + " recipients differ, e.g. "
                + problems.stream().limit(3).collect(Collectors.joining("; ")));
    }

    /**
     * The copies each address should get from these accepted transactions: one per envelope recipient, a
     * distribution group replaced by its members (an address named twice in one message gets one copy).
     */
    public static Map<String, Long> addressedPerRecipient(List<AcceptedSubmission> accepted,
            List<DistributionGroup> groups) {
        Map<String, List<String>> members = new HashMap<>();
        groups.forEach(g -> members.put(g.address(), g.members()));
        Map<String, Long> out = new TreeMap<>();
        for (AcceptedSubmission a : accepted) {
            Set<String> copies = new LinkedHashSet<>();
            for (String r : a.envelope()) {
                String key = r.toLowerCase(Locale.ROOT);
                copies.addAll(members.getOrDefault(key, List.of(key)));
            }
            copies.forEach(c -> out.merge(c, 1L, Long::sum));
        }
        return out;
    }

    /** "<Id@Host>" and "id@host" are the same Message-ID. */
    public static String normalizeMessageId(String id) {
        if (id == null) {
            return "";
        }
        String s = id.trim();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Integer> count(List<AcceptedSubmission> list) {
        Map<String, Integer> m = new HashMap<>();
        for (AcceptedSubmission a : list) {
            String key = a.mailbox().toLowerCase(Locale.ROOT) + " " + normalizeMessageId(a.messageId()) + " -> "
                    + a.envelope().stream().map(r -> r.toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(","));
            m.merge(key, 1, Integer::sum);
        }
        return m;
    }

    private static Map<String, Long> normalize(Map<String, Long> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (v != 0) {
                out.merge(k.toLowerCase(Locale.ROOT), v, Long::sum);
            }
        });
        return out;
    }
}
