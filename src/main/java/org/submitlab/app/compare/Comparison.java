package org.submitlab.app.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.submitlab.app.explain.KnownReply;
import org.submitlab.app.explain.ReplyCatalogue;

/**
 * Two runs side by side, a problem (A) and its remedy (B), on one clock speed and one seed: the figures of the
 * comparison table (field names are the JSON's). Built from the runs' reports, so a comparison of two runs that
 * ended earlier reads the same as one just played.
 *
 * @param pair      the built-in pair the two runs are, or null
 * @param speed     the clock speed both played at
 * @param seed      the seed both played with
 * @param runs      A's figures, then B's
 * @param refusals  every kind of refusal either run got, with both counts
 */
public record Comparison(RemedyPair pair, double speed, long seed, List<RunFigures> runs, List<RefusalRow> refusals) {

    /** One kind of refusal: its reply code, what it is, and how often each run got it (A, B). */
    public record RefusalRow(String key, String label, List<Long> counts) {
        public RefusalRow {
            counts = List.copyOf(counts);
        }
    }

    /** The short names of the refusals the remedies are about; others take the reply catalogue's title. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("432 4.3.2", "concurrency: more than 3 in flight"),
            Map.entry("554 5.2.0", "recipient budget (10,000 a day) or message rate"),
            Map.entry("550 5.5.3", "recipients per message"),
            Map.entry("535 5.7.139", "authentication disabled (basic auth or SMTP AUTH off)"),
            Map.entry("550 5.7.30", "basic authentication removed"),
            Map.entry("535 5.7.3", "wrong credentials"),
            Map.entry("554 5.2.252", "Send As denied"),
            Map.entry("554 5.2.2", "mailbox full"),
            Map.entry("421 4.7.66", "TLS 1.0/1.1 client"),
            Map.entry("connection error", "connection lost without a reply"));

    public Comparison {
        runs = List.copyOf(runs);
        refusals = List.copyOf(refusals);
        if (runs.size() != 2) {
            throw new IllegalArgumentException("a comparison has two runs, not " + runs.size());
        }
    }

    public RunFigures a() {
        return runs.get(0);
    }

    public RunFigures b() {
        return runs.get(1);
    }

    /** The comparison of two runs' figures. */
    public static Comparison of(RemedyPair pair, double speed, long seed, RunFigures a, RunFigures b) {
        TreeSet<String> keys = new TreeSet<>(a.refused().keySet());
        keys.addAll(b.refused().keySet());
        List<RefusalRow> rows = new ArrayList<>();
        for (String k : keys) {
            rows.add(new RefusalRow(k, label(k), List.of(a.refused().getOrDefault(k, 0L), b.refused().getOrDefault(k, 0L))));
        }
        return new Comparison(pair, speed, seed, List.of(a, b), rows);
    }

    /** What a refusal key ("432 4.3.2") is, in a few words. */
    public static String label(String key) {
        String known = LABELS.get(key);
        if (known != null) {
            return known;
        }
        String[] parts = key.split(" ");
        Map<String, Boolean> titles = new LinkedHashMap<>();
        for (KnownReply k : ReplyCatalogue.all()) {
            if (String.valueOf(k.code()).equals(parts[0]) && (parts.length < 2 ? k.enhanced().isEmpty()
                    : parts[1].equals(k.enhanced()))) {
                titles.put(k.title(), true);
            }
        }
        return titles.size() == 1 ? titles.keySet().iterator().next() : key;
    }
}
