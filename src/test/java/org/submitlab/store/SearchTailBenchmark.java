package org.submitlab.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a search costs while the index is behind by its most (docs/decisions/0207): {@link SearchIndexer#MAX_BEHIND}
 * messages stored and none indexed, searched as the console does (count up to 10,000 and the first page), then
 * the same once the writer has indexed them. Not a test (surefire skips *Benchmark):
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.submitlab.store.SearchTailBenchmark [messages] [rounds]
 * </pre>
 */
public final class SearchTailBenchmark {

    private static final List<String> TERMS = List.of("scan", "copier", "user0777@", "Scan 0012345", "zqxv",
            "has:attachment fax");

    private SearchTailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long messages = args.length > 0 ? Long.parseLong(args[0]) : SearchIndexer.MAX_BEHIND;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("submitlab-tail-");
        try (Store store = Store.openWithoutIndexing(dir)) {
            long t0 = System.nanoTime();
            SentItemsFill.fill(store, 0, messages, 100);
            System.out.printf(Locale.ROOT, "%,d messages stored in %.1f s, %,d not indexed%n", messages,
                    (System.nanoTime() - t0) / 1e9, store.searchIndexBacklog());
            time("all in the tail", store, rounds);
        }
        try (Store store = Store.open(dir)) {
            long t0 = System.nanoTime();
            while (store.searchIndexBacklog() > 0) {
                Thread.sleep(50);
            }
            System.out.printf(Locale.ROOT, "indexed by the idle writer in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            time("all in the index", store, rounds);
        }
        System.out.printf(Locale.ROOT, "load average %s%n", SentItemsScaleBenchmark.loadAverage());
    }

    private static void time(String state, Store store, int rounds) {
        System.out.printf(Locale.ROOT, "%s: count (up to 10,000) + first page, ms min / median%n", state);
        for (String term : TERMS) {
            List<Double> ms = new ArrayList<>();
            String result = "";
            for (int r = 0; r <= rounds; r++) {
                long t0 = System.nanoTime();
                result = SentItemsScaleBenchmark.console(store.sentItems(), Optional.empty(), term);
                if (r > 0) {
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
            }
            double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-22s %8.2f %8.2f  %s%n", term, v[0], v[v.length / 2], result);
        }
    }
}
