package org.submitlab.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.submitlab.app.ScenarioSetup;
import org.submitlab.policy.Durations;
import org.submitlab.policy.ScaledClock;
import org.submitlab.server.SubmissionServer;
import org.submitlab.store.Store;

/**
 * Scale benchmark (not a test): N devices across M mailboxes against an embedded server on this
 * machine, reporting whether the devices keep up with their schedule (lag of each attempt behind
 * its due time) and what the simulator itself costs (CPU of its threads, heap).
 *
 * <pre>
 * mvn -B -ntp -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.submitlab.sim.SimulatorScaleBenchmark \
 *     -Dexec.args="--devices 1000 --mailboxes 100 --per-hour 6 --speed 10 --duration 30m"
 * </pre>
 */
public final class SimulatorScaleBenchmark {

    private SimulatorScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("--devices", "1000", "--mailboxes", "100", "--per-hour", "6",
                "--speed", "10", "--duration", "30m", "--reuse", "false", "--senders", "64"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        int devices = Integer.parseInt(o.get("--devices"));
        int mailboxes = Integer.parseInt(o.get("--mailboxes"));
        double speed = Double.parseDouble(o.get("--speed"));
        String json = """
                {
                  "name": "scale-%d-devices",
                  "duration": "%s",
                  "drain": "5m",
                  "seed": 1000,
                  "senderThreads": %s,
                  "mailboxes": [ { "address": "app{n}@contoso.test", "count": %d, "password": "bench-pw" } ],
                  "pools": { "staff": { "pattern": "user{n}@contoso.test", "size": 1000 } },
                  "devices": [ {
                    "name": "device-{n}", "count": %d, "kind": "app", "mailbox": "app{n%%%d}@contoso.test",
                    "recipients": { "pool": "staff", "to": 1 },
                    "message": { "subject": "{device} report {seq}", "bodyBytes": 2000 },
                    "schedule": { "type": "poisson", "perHour": %s },
                    "connection": { "reuse": %s, "parallel": 1 },
                    "retry": { "policy": "fixed", "delay": "1m", "jitter": 0.5, "maxAttempts": 10 }
                  } ]
                }
                """.formatted(devices, o.get("--duration"), o.get("--senders"), mailboxes, devices, mailboxes,
                o.get("--per-hour"), o.get("--reuse"));
        Scenario scenario = Scenarios.parse(json, "benchmark");
        Path data = Files.createTempDirectory("submitlab-bench-");
        ScaledClock clock = new ScaledClock(speed);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        try (Store store = Store.open(data)) {
            SubmissionServer server = SubmissionServer.builder().store(store).clock(clock).build();
            server.start();
            ScenarioSetup.apply(scenario, server);
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            SimulationEngine engine = new SimulationEngine(scenario, server.host(), server.port(), clock);
            Map<Long, Long> simCpu = new HashMap<>();
            Map<Long, Long> threadCpu = new HashMap<>();
            Map<Long, String> threadGroup = new HashMap<>();
            long processCpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            long maxHeap = 0;
            int maxSimThreads = 0;
            engine.start();
            while (!engine.isFinished()) {
                Thread.sleep(250);
                int simThreads = 0;
                for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                    if (t != null) {
                        long cpu = threads.getThreadCpuTime(t.getThreadId());
                        if (cpu > 0) {
                            threadCpu.put(t.getThreadId(), cpu);
                            threadGroup.put(t.getThreadId(), t.getThreadName().replaceAll("[-#]?\\d+$", "")
                                    .replace(engine.threadPrefix(), "simulator"));
                        }
                    }
                    if (t != null && t.getThreadName().startsWith(engine.threadPrefix())) {
                        simThreads++;
                        long cpu = threads.getThreadCpuTime(t.getThreadId());
                        if (cpu > 0) {
                            simCpu.put(t.getThreadId(), cpu);
                        }
                    }
                }
                maxSimThreads = Math.max(maxSimThreads, simThreads);
                maxHeap = Math.max(maxHeap, memory.getHeapMemoryUsage().getUsed());
                System.err.println(ReportTable.progressLine(engine));
            }
            long wall = System.nanoTime() - wall0;
            long processCpu = os.getProcessCpuTime() - processCpu0;
            System.gc();
            long heapDuring = memory.getHeapMemoryUsage().getUsed();
            SimulationReport r = engine.report();
            engine.stop();
            server.stop();
            long simCpuTotal = simCpu.values().stream().mapToLong(Long::longValue).sum();
            SimulationReport.Totals t = r.totals();
            SimulationReport.ScheduleLag lag = r.scheduleLag();
            System.out.printf(Locale.ROOT, "%n%d devices, %d mailboxes, Poisson %s/h each, speed %.0fx, %s simulated (%.1f s real), %d sender threads max, %d cores%n",
                    devices, mailboxes, o.get("--per-hour"), speed, Durations.format(scenario.duration()), wall / 1e9,
                    maxSimThreads, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "messages %d (intended %.0f), accepted %d, refused %s, pending at end %d%n",
                    t.scheduled(), devices * Double.parseDouble(o.get("--per-hour")) * scenario.duration().getSeconds() / 3600.0,
                    t.accepted(), t.refused(), t.pending());
            System.out.printf(Locale.ROOT, "throughput %.1f submissions/s real%n", t.accepted() / (wall / 1e9));
            System.out.printf(Locale.ROOT, "schedule lag: p50 %.2f s, p95 %.2f s, max %.2f s simulated (p95 %.0f ms real)%n",
                    lag.p50Seconds(), lag.p95Seconds(), lag.maxSeconds(), lag.p95Seconds() / speed * 1000);
            System.out.printf(Locale.ROOT, "CPU: simulator threads %.1f s (%.0f%% of one core), whole process (server included) %.1f s (%.0f%% of one core)%n",
                    simCpuTotal / 1e9, 100.0 * simCpuTotal / wall, processCpu / 1e9, 100.0 * processCpu / wall);
            Map<String, Long> byGroup = new java.util.TreeMap<>();
            threadCpu.forEach((id, cpu) -> byGroup.merge(threadGroup.get(id), cpu, Long::sum));
            StringBuilder groups = new StringBuilder("CPU by thread (s):");
            byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(e -> groups.append(String.format(Locale.ROOT, " %s %.1f;", e.getKey(), e.getValue() / 1e9)));
            System.out.println(groups);
            System.out.printf(Locale.ROOT, "CPU per accepted submission: %.2f ms (whole process)%n",
                    processCpu / 1e6 / Math.max(1, t.accepted()));
            System.out.printf(Locale.ROOT, "load average at the end %s%n",
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
            System.out.printf(Locale.ROOT, "heap: simulator %.1f MB after GC at the end of the run (process peak %.0f MB)%n",
                    (heapDuring - heapBefore) / 1e6, maxHeap / 1e6);
        }
        System.exit(0);
    }
}
