package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.policy.ConnectionLimits;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.Settings;

/**
 * Load and faults at once (issue 8): a flood of idle connections from one address, trickled command lines
 * and bodies, transactions dropped mid-DATA, password guessing, and a data folder on a disk that fills and
 * empties, while well-behaved clients keep sending. They must get 250 in every phase the disk has room,
 * only 451 4.3.0 while it is full, never lose an authenticated connection (a login may be shed and
 * retried: the table sheds unauthenticated connections), and every message they got a 250 for must be in
 * Sent Items at the end.
 *
 * <p>Slow (a minute by default) and tagged so; run it with
 * {@code mvn -B -ntp test -Dtest=LoadAndFaultTest -Dgroups=slow -Dsurefire.excludedGroups=none
 * [-Dload.seconds=60]}. Needs root on Linux for the tmpfs (CI has both). Figures: docs/benchmarks.md.
 */
@Tag("slow")
class LoadAndFaultTest {

    private static final Logger LOG = LoggerFactory.getLogger(LoadAndFaultTest.class);
    private static final Pattern ACCEPTED = Pattern.compile("250 2\\.0\\.0 OK (<[^>]*>) .*");
    private static final int GOOD_CLIENTS = 3;
    private static final long PHASE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long FULL_NANOS = TimeUnit.SECONDS.toNanos(4);

    @TempDir
    Path dir;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    /** Per phase (even: disk has room, odd: full), how many 250s the good clients got. */
    private final Map<Integer, LongAdder> acceptedByPhase = new ConcurrentHashMap<>();
    private volatile int phase;

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    @Test
    void wellBehavedClientsKeepGetting250AndNothingAcknowledgedIsLostUnderFloodsTricklesDropsAndAFullDisk()
            throws Exception {
        assumeTrue(SmallTmpfs.available(), "needs root on Linux to mount a tmpfs that fills");
        assumeSecondLoopbackAddresses();
        long seconds = Long.getLong("load.seconds", 60);
        try (SmallTmpfs disk = SmallTmpfs.mount(dir.resolve("disk"), 96);
             ServerFixture fx = new ServerFixture(disk.path().resolve("data"))) {
            fx.limits(l -> l.withConnections(ConnectionLimits.defaults().with(Settings.MAX_CONNECTIONS, 300).with(Settings.CONNECTIONS_PER_ADDRESS, 150)
                            .with(Settings.AUTHENTICATION_TIMEOUT, Duration.ofSeconds(8)).with(Settings.COMMAND_LINE_TIMEOUT, Duration.ofSeconds(3))
                            .with(Settings.DATA_GRACE_PERIOD, Duration.ofSeconds(3)).with(Settings.DATA_MIN_RATE, 1_000).with(Settings.SESSION_TIMEOUT, Duration.ofMinutes(10)))
                            .with(Settings.LOCKOUT_AFTER_FAILURES, 5).with(Settings.LOCKOUT_FOR, Duration.ofMinutes(15)).with(Settings.MESSAGES_PER_MINUTE, 100_000)
                            .with(Settings.RECIPIENTS_PER_DAY, 10_000).with(Settings.CONCURRENT_PER_MAILBOX, 5));
            for (String box : List.of("good0", "good1", "good2", "slow", "drop", "victim")) {
                fx.with(ServerFixture.mailbox(box + "@contoso.test"));
            }
            fx.start();
            ExecutorService pool = Executors.newCachedThreadPool();
            for (int i = 0; i < GOOD_CLIENTS; i++) {
                int n = i;
                pool.submit(() -> goodClient(fx, "good" + n + "@contoso.test"));
            }
            // Two flooding addresses fill the table (2 x 150 of 300), so good clients get in only by shedding.
            pool.submit(() -> flood(fx, "127.0.0.2"));
            pool.submit(() -> flood(fx, "127.0.0.4"));
            for (int i = 0; i < 20; i++) {
                pool.submit(() -> trickleCommands(fx, "127.0.0.3"));
            }
            for (int i = 0; i < 4; i++) {
                pool.submit(() -> trickleData(fx));
                pool.submit(() -> dropMidData(fx));
            }
            pool.submit(() -> guess(fx));

            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                phase++; // odd: the disk fills (and is full)
                disk.fill();
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(FULL_NANOS));
                disk.free();
                fx.advance(Duration.ofDays(1)); // the recipient budget (10,000 a day) must not end the run
                phase++; // even: room again, from here on
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(PHASE_NANOS));
            }
            running.set(false);
            pool.shutdownNow();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            report(seconds);
            Set<String> stored = new HashSet<>();
            for (int i = 0; i < GOOD_CLIENTS; i++) {
                fx.store.sentItems().forEach(Optional.of("good" + i + "@contoso.test"), item -> stored.add(item.messageId()));
            }
            assertThat(unexpected).as("replies a well-behaved client must never get").isEmpty();
            assertThat(stored).as("every acknowledged message is in Sent Items").containsAll(acknowledged);
            for (int p = 2; p <= phase; p += 2) {
                assertThat(acceptedByPhase.getOrDefault(p, new LongAdder()).sum())
                        .as("250s in phase %d (the disk had room)", p).isPositive();
            }
            for (Mailbox m : fx.server.tenant().mailboxes()) {
                Await.until("the slots of " + m.address() + " are free", () -> fx.server.policy().slotsInUse(m.address()) == 0);
            }
        }
    }

    private static void assumeSecondLoopbackAddresses() {
        for (String a : List.of("127.0.0.2", "127.0.0.3", "127.0.0.4")) {
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress(a, 0));
            } catch (IOException e) {
                assumeTrue(false, a + " is not a local address here (it is on Linux)");
            }
        }
    }

    /** Sends one message after another over one connection, reconnecting when the server ends it. */
    private Void goodClient(ServerFixture fx, String box) {
        while (running.get()) {
            SmtpTestClient login;
            try {
                login = fx.login(box);
            } catch (Exception e) {
                // Until it has authenticated, a connection may be shed to make room (then it retries).
                count("good: login retried (" + e.getClass().getSimpleName() + ")");
                continue;
            }
            try (SmtpTestClient c = login) {
                count("good: connected");
                for (int i = 0; running.get() && i < 50; i++) { // then a new connection into the full table
                    int before = phase;
                    long t0 = System.nanoTime();
                    List<String> replies = c.submit(box, List.of("a@fabrikam.test"),
                            SmtpTestClient.message(box, "a@fabrikam.test", box + " " + System.nanoTime()));
                    String last = replies.get(replies.size() - 1);
                    Matcher m = ACCEPTED.matcher(last);
                    if (m.matches()) {
                        latencies.add(System.nanoTime() - t0);
                        acknowledged.add(m.group(1));
                        if (before == phase) {
                            acceptedByPhase.computeIfAbsent(phase, k -> new LongAdder()).increment();
                        }
                        count("good: 250");
                    } else if (last.startsWith("451 4.3.0")) {
                        count("good: 451 (disk full)");
                        if (before == phase && phase % 2 == 0 && phase > 0) {
                            unexpected.add("451 while the disk had room (phase " + phase + "): " + last);
                        }
                    } else {
                        unexpected.add(last);
                    }
                    Thread.sleep(2); // a busy device, not a benchmark loop
                }
            } catch (Exception e) {
                if (running.get()) {
                    unexpected.add("an authenticated connection of a good client failed: " + e);
                }
            }
        }
        return null;
    }

    /**
     * Keeps opening idle connections from one address and holds the last 200 (more than the 150 the address
     * may have): the oldest is dropped (reset, so no port lingers in TIME_WAIT) for each new one.
     */
    private Void flood(ServerFixture fx, String from) throws Exception {
        java.util.ArrayDeque<Socket> held = new java.util.ArrayDeque<>();
        try {
            while (running.get()) {
                if (held.size() >= 200) {
                    Socket oldest = held.removeFirst();
                    oldest.setSoLinger(true, 0);
                    oldest.close();
                }
                Socket s = new Socket();
                try {
                    s.bind(new InetSocketAddress(from, 0));
                    s.connect(new InetSocketAddress("127.0.0.1", fx.server.port()), 5_000);
                    s.setSoTimeout(5_000);
                    byte[] banner = new byte[3];
                    int n = s.getInputStream().readNBytes(banner, 0, 3);
                    String code = new String(banner, 0, n, StandardCharsets.US_ASCII);
                    count("flood: " + (code.isEmpty() ? "closed" : code));
                    if (code.equals("220")) {
                        held.add(s);
                    } else {
                        s.setSoLinger(true, 0);
                        s.close();
                        Thread.sleep(20);
                    }
                } catch (IOException e) {
                    s.close();
                    count("flood: " + e.getClass().getSimpleName());
                }
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        return null;
    }

    /** EHLO one byte every 300 ms: the command line deadline must end it. */
    private Void trickleCommands(ServerFixture fx, String from) {
        byte[] line = "EHLO a-very-slow-client.contoso.test\r\n".getBytes(StandardCharsets.US_ASCII);
        while (running.get()) {
            try (SmtpTestClient c = new SmtpTestClient(fx.server.port(), ServerFixture.clientFactory(),
                    InetAddress.getByName(from))) {
                for (byte b : line) {
                    c.write(new byte[] {b});
                    Thread.sleep(300);
                }
                count("trickle command: completed (not cut)");
            } catch (InterruptedException e) {
                return null;
            } catch (Exception e) {
                count("trickle command: cut (" + e.getClass().getSimpleName() + ")");
            }
        }
        return null;
    }

    /** A body at 20 bytes a second, below the minimum rate: cut after the grace period. */
    private Void trickleData(ServerFixture fx) {
        while (running.get()) {
            try (SmtpTestClient c = fx.login("slow@contoso.test")) {
                c.envelope("slow@contoso.test", List.of("a@fabrikam.test"));
                for (int i = 0; i < 10_000 && running.get(); i++) {
                    c.write("zz".getBytes(StandardCharsets.US_ASCII));
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                return null;
            } catch (Exception e) {
                count("trickle data: cut (" + e.getClass().getSimpleName() + ")");
            }
        }
        return null;
    }

    /** Half a body, then a reset: the transaction is abandoned, its slot freed, nothing stored. */
    private Void dropMidData(ServerFixture fx) {
        while (running.get()) {
            try {
                SmtpTestClient c = fx.login("drop@contoso.test");
                c.envelope("drop@contoso.test", List.of("a@fabrikam.test"));
                c.write(("Subject: dropped\r\n\r\n" + "d".repeat(20_000)).getBytes(StandardCharsets.US_ASCII));
                c.socket().setSoLinger(true, 0);
                c.close();
                count("drop: reset mid-DATA");
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return null;
            } catch (Exception e) {
                count("drop: " + e.getClass().getSimpleName());
            }
        }
        return null;
    }

    /** Wrong passwords for one mailbox: locked after five. */
    private Void guess(ServerFixture fx) {
        while (running.get()) {
            try (SmtpTestClient c = fx.connect()) {
                String r = c.login("victim@contoso.test", "guess");
                count("guess: " + r.substring(0, Math.min(r.length(), 13)));
            } catch (Exception e) {
                count("guess: " + e.getClass().getSimpleName());
            }
        }
        return null;
    }

    private void report(long seconds) {
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        LOG.info("Load and faults for {} s, {} phases with a full disk", seconds, phase / 2);
        if (!sorted.isEmpty()) {
            LOG.info("good clients: {} accepted, latency p50 {} ms, p99 {} ms, max {} ms", sorted.size(),
                    ms(sorted.get(sorted.size() / 2)), ms(sorted.get(sorted.size() * 99 / 100)),
                    ms(sorted.get(sorted.size() - 1)));
        }
        new java.util.TreeMap<>(counts).forEach((k, v) -> LOG.info("  {}: {}", k, v.sum()));
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
