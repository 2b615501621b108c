package org.submitlab.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drives SubmitLab (durable, SQLite) and GreenMail 2.1.8 (in memory) with the same load: 16 authenticated TLS
 * connections, one per mailbox, 2 KB messages, and prints accepted messages per second, p50/p99 latency and
 * the ratio. Not a test (surefire skips *Benchmark); run it with
 * {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.submitlab.bench.SubmissionBenchmark}.
 * System properties: {@code bench.connections} (16), {@code bench.size} (2048 bytes), {@code bench.warmup} (3 s),
 * {@code bench.seconds} (10 s), {@code bench.rounds} (3; rounds alternate which server goes first),
 * {@code bench.only} (submitlab or greenmail). See docs/benchmarks.md.
 */
public final class SubmissionBenchmark {

    private SubmissionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connections = Integer.getInteger("bench.connections", 16);
        int size = Integer.getInteger("bench.size", 2048);
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmup", 3));
        Duration measure = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
        int rounds = Integer.getInteger("bench.rounds", 3);
        String only = System.getProperty("bench.only", "").toLowerCase(Locale.ROOT);
        boolean runSubmitLab = !only.equals("greenmail");
        boolean runGreenMail = !only.equals("submitlab");

        List<SmtpLoadGenerator.Account> accounts = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            accounts.add(new SmtpLoadGenerator.Account(String.format(Locale.ROOT, "device%02d@contoso.test", i),
                    "Bench-Password-" + i));
        }
        SmtpLoadGenerator generator = new SmtpLoadGenerator(size, warmUp, measure);
        System.out.printf(Locale.ROOT, "load: %d connections, one per mailbox, %d-byte messages, %d s warm-up, "
                + "%d s measured, %d round(s)%n", connections, size, warmUp.toSeconds(), measure.toSeconds(), rounds);
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));

        long submitLabAccepted = 0;
        long greenMailAccepted = 0;
        for (int round = 1; round <= rounds; round++) {
            boolean submitLabFirst = round % 2 == 1;
            for (int turn = 0; turn < 2; turn++) {
                boolean submitLabTurn = (turn == 0) == submitLabFirst;
                if (submitLabTurn && runSubmitLab) {
                    SmtpLoadGenerator.Result r = SubmitLabTarget.measure(generator, accounts);
                    report(round, r);
                    submitLabAccepted += r.accepted();
                } else if (!submitLabTurn && runGreenMail) {
                    SmtpLoadGenerator.Result r;
                    try (GreenMailTarget gm = new GreenMailTarget(accounts)) {
                        r = generator.run(gm.target());
                    }
                    report(round, r);
                    greenMailAccepted += r.accepted();
                }
            }
        }
        double seconds = rounds * measure.toNanos() / 1e9;
        if (runSubmitLab && runGreenMail) {
            System.out.printf(Locale.ROOT, "overall: SubmitLab %.1f msg/s, GreenMail %.1f msg/s, ratio SubmitLab / GreenMail %.2f%n",
                    submitLabAccepted / seconds, greenMailAccepted / seconds,
                    (double) submitLabAccepted / greenMailAccepted);
        }
        System.exit(0);
    }

    private static void report(int round, SmtpLoadGenerator.Result r) {
        System.out.println("round " + round + ": " + r.summary());
        r.refusals().forEach((reply, n) -> System.out.printf(Locale.ROOT, "    refused %d x %s%n", n, reply));
        if (!r.refusals().isEmpty()) {
            // Each mailbox may take 10,000 recipients a day: a run long enough to reach that measures the quota,
            // not the throughput, since refusals are not counted as accepted.
            System.out.println("    WARNING: this run reached a limit; shorten bench.warmup + bench.seconds so that "
                    + "16 x 10,000 recipients are not used up, and run again");
        }
    }
}
