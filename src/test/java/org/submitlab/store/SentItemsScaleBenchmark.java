package org.submitlab.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Sent Items at scale (not a test): fills a data folder through the store's write path if it holds fewer
 * messages than asked ({@link SentItemsFill}), then times what the console does, several rounds, printing
 * min and median per query: opening the store, the sizes per mailbox a server starts with, the first page,
 * a page 500,000 deep (by key, as the console pages, and by offset, as {@code sent-items --offset} does), and
 * searches (a count up to 10,000 plus the first page, as the console loads them) for common, rare, absent and
 * short terms and the search syntax ({@code from:}, {@code to:}, {@code subject:"..."}, {@code has:attachment} and
 * combinations), with and without a mailbox.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.submitlab.store.SentItemsScaleBenchmark \
 *     --data /tmp/sl1m/v4 --messages 1000400 --rounds 5
 * </pre>
 */
public final class SentItemsScaleBenchmark {

    static final int PAGE = 50;
    static final long CAP = 10_000;

    private SentItemsScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--data", "", "--messages", "1000400", "--mailboxes", "100",
                "--rounds", "5"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        Path data = o.get("--data").isEmpty() ? Files.createTempDirectory("submitlab-sentitems-") : Path.of(o.get("--data"));
        long messages = Long.parseLong(o.get("--messages"));
        int mailboxes = Integer.parseInt(o.get("--mailboxes"));
        int rounds = Integer.parseInt(o.get("--rounds"));
        System.out.printf(Locale.ROOT, "data %s, load average %s%n", data, loadAverage());

        long t0 = System.nanoTime();
        try (Store store = Store.open(data)) {
            System.out.printf(Locale.ROOT, "first open (this JVM, migrating if needed) %.1f ms%n", ms(t0));
            long have = store.sentItems().count(Optional.empty(), "");
            if (have < messages) {
                long f0 = System.nanoTime();
                SentItemsFill.fill(store, have, messages, mailboxes);
                System.out.printf(Locale.ROOT, "filled %,d messages through the writer in %.1f s%n", messages - have,
                        ms(f0) / 1000);
            }
        }

        String box = SentItemsFill.mailbox(7);
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, String> results = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            long o0 = System.nanoTime();
            Store store = Store.open(data);
            add(times, "open the store", ms(o0));
            try {
                SentItemsRepository s = store.sentItems();
                time(times, results, "sizes per mailbox", () -> s.totalSizeByMailbox().size());
                time(times, results, "count + first page", () -> console(s, Optional.empty(), ""));
                time(times, results, "mailbox: count + first page", () -> console(s, Optional.of(box), ""));
                long deep = s.page(Optional.empty(), "", 499_950, 1).get(0).id() + 1;
                time(times, results, "next page 500,000 deep (by key)",
                        () -> s.before(Optional.empty(), "", deep, PAGE).get(0).id());
                time(times, results, "page 500,000 deep (by offset)",
                        () -> s.page(Optional.empty(), "", 500_000, PAGE).get(0).id());
                time(times, results, "last page (by key)", () -> s.after(Optional.empty(), "", 0, PAGE).get(0).id());
                for (String term : List.of("scan", "copier", "user0777@", "Scan 0123456", "zqxv", "42", "qz")) {
                    time(times, results, "search '" + term + "'", () -> console(s, Optional.empty(), term));
                }
                for (String search : List.of("from:device007@", "to:user0777@", "subject:\"Scan 0123456\"",
                        "subject:\"page 4\"", "has:attachment", "has:attachment copier", "has:attachment user0777@",
                        "has:attachment from:device007@", "has:attachment subject:\"page 5\"", "from:device007 42")) {
                    time(times, results, "search '" + search + "'", () -> console(s, Optional.empty(), search));
                }
                time(times, results, "mailbox + 'has:attachment'", () -> console(s, Optional.of(box), "has:attachment"));
                time(times, results, "mailbox + 'has:attachment subject:\"page 5\"'",
                        () -> console(s, Optional.of(box), "has:attachment subject:\"page 5\""));
                time(times, results, "mailbox + 'fax' (all its items)", () -> console(s, Optional.of(box), "fax"));
                time(times, results, "mailbox + 'copier' (none of its items)",
                        () -> console(s, Optional.of(box), "copier"));
                time(times, results, "search 'copier', page 500 deep (by key)", () -> {
                    long k = s.page(Optional.empty(), "copier", 25_000, 1).get(0).id() + 1;
                    long n0 = System.nanoTime();
                    s.before(Optional.empty(), "copier", k, PAGE);
                    return String.format(Locale.ROOT, "next page alone %.2f ms", ms(n0));
                });
            } finally {
                store.close();
            }
        }
        System.out.printf(Locale.ROOT, "%-56s %9s %9s  %s%n", "query (" + rounds + " rounds)", "min ms", "median ms",
                "result");
        times.forEach((what, t) -> {
            double[] v = t.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-56s %9.2f %9.2f  %s%n", what, v[0], v[v.length / 2],
                    results.getOrDefault(what, ""));
        });
        System.out.printf(Locale.ROOT, "load average %s%n", loadAverage());
    }

    /** What the console loads for one view: the count (up to 10,000) and the first page. */
    static String console(SentItemsRepository s, Optional<String> mailbox, String term) {
        SentItemsCount count = s.countUpTo(mailbox, term, CAP);
        List<SentItem> page = s.before(mailbox, term, Long.MAX_VALUE, PAGE);
        return String.format(Locale.ROOT, "%,d%s%s, page of %d", count.value(), count.exact() ? "" : "+",
                count.window() > 0 ? " (newest " + count.window() + ")" : "", page.size());
    }

    private static void time(Map<String, List<Double>> times, Map<String, String> results, String what,
            Callable<Object> query) throws Exception {
        long t0 = System.nanoTime();
        Object result = query.call();
        add(times, what, ms(t0));
        results.put(what, String.valueOf(result));
    }

    private static void add(Map<String, List<Double>> times, String what, double ms) {
        times.computeIfAbsent(what, k -> new ArrayList<>()).add(ms);
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
