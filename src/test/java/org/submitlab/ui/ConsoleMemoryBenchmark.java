package org.submitlab.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.submitlab.app.LiveWorld;
import org.submitlab.app.Run;
import org.submitlab.sim.Scenario;
import org.submitlab.sim.Scenarios;

/**
 * The console's memory over a long accelerated run, world switches and idling, headless (Monocle).
 * Prints the heap after a full GC once a minute, with threads and open files, then the heap before
 * and after the switches and how many of the closed world views are still reachable.
 *
 * <pre>
 * mvn -B -ntp -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.submitlab.ui.ConsoleMemoryBenchmark \
 *     -Dexec.args="--run-minutes 30 --speed 3600 --switches 100 --idle-minutes 10"
 * </pre>
 */
public final class ConsoleMemoryBenchmark {

    private ConsoleMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("--run-minutes", "30", "--speed", "3600", "--switches", "100",
                "--idle-minutes", "10"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        for (String[] p : new String[][] {{"glass.platform", "Monocle"}, {"monocle.platform", "Headless"},
                {"prism.order", "sw"}, {"java.awt.headless", "true"}}) {
            System.setProperty(p[0], System.getProperty(p[0], p[1]));
        }
        Path data = Files.createTempDirectory("submitlab-memory-");
        ConsoleApp app = new ConsoleApp(ConsoleOptions.forTests(data));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> {
            app.start(new Stage());
            started.complete(null);
        });
        started.get(60, TimeUnit.SECONDS);
        waitFor(() -> app.window().workspace() != null && onFx(() -> app.window().view() != null));

        long runMinutes = Long.parseLong(o.get("--run-minutes"));
        double speed = Double.parseDouble(o.get("--speed"));
        Scenario s = endurance(runMinutes, speed);
        Run run = app.window().workspace().startRun(s, speed);
        onFx(() -> {
            app.window().select(run.id());
            return null;
        });
        waitFor(() -> onFx(() -> app.window().view().world().id().equals(run.id())));
        System.out.printf(Locale.ROOT, "run %s: %s at %.0fx for %d real minutes%n", run.id(), s.name(), speed, runMinutes);
        System.out.println("minute  heap-after-gc-MB  threads  open-files  pump-p99-ms  run-state");
        for (long m = 0; m <= runMinutes; m++) {
            sample(m, app, run);
            if (m < runMinutes) {
                Thread.sleep(60_000);
            }
        }
        run.stop();
        run.ended().get(2, TimeUnit.MINUTES);

        // Worlds to switch between: Live, the long run, and three short runs, more than the console keeps views of.
        List<String> worlds = new ArrayList<>(List.of(LiveWorld.ID, run.id()));
        for (int i = 0; i < 3; i++) {
            Run shortRun = app.window().workspace().startRun(Scenarios.preset("alert-storm"), 600);
            shortRun.awaitEnd();
            worlds.add(shortRun.id());
        }
        int switches = Integer.parseInt(o.get("--switches"));
        for (String id : worlds) {
            showAndWait(app, id);
        }
        long before = heapAfterGc();
        List<WeakReference<WorldView>> shown = new ArrayList<>();
        long switching = System.nanoTime();
        for (int i = 0; i < switches; i++) {
            showAndWait(app, worlds.get(i % worlds.size()));
            shown.add(new WeakReference<>(onFx(() -> app.window().view())));
        }
        double seconds = (System.nanoTime() - switching) / 1e9;
        long after = heapAfterGc();
        long reachable = shown.stream().map(WeakReference::get).filter(java.util.Objects::nonNull).distinct().count();
        System.out.printf(Locale.ROOT, "%d world switches among %d worlds in %.1f s: heap after GC %.1f MB before, "
                + "%.1f MB after; %d views reachable (the console keeps %d)%n", switches, worlds.size(), seconds,
                mb(before), mb(after), reachable, ConsoleWindow.KEPT_VIEWS);

        long idle = Long.parseLong(o.get("--idle-minutes"));
        for (long m = 1; m <= idle; m++) {
            Thread.sleep(60_000);
        }
        System.out.printf(Locale.ROOT, "after %d idle minutes: heap after GC %.1f MB, %d threads, %d open files%n",
                idle, mb(heapAfterGc()), Thread.activeCount(), openFiles());
        Platform.runLater(() -> {
            try {
                app.stop();
            } finally {
                Platform.exit();
            }
        });
        Thread.sleep(2000);
        System.exit(0);
    }

    /**
     * An office day that the lab keeps up with at 3,600×: 20 devices on 5 shared mailboxes, 6 messages
     * an hour each at random (about 120 submissions a real second), refusals and retries included.
     */
    private static Scenario endurance(long realMinutes, double speed) {
        long simulatedSeconds = (long) (realMinutes * 60 * speed) + 3600;
        String json = """
                {
                  "name": "endurance-office",
                  "description": "20 devices on 5 shared mailboxes, 6 messages an hour each",
                  "duration": "%ds",
                  "drain": "1h",
                  "seed": 7,
                  "mailboxes": [ { "address": "office{n}@contoso.test", "count": 5, "password": "Office-1!" } ],
                  "pools": { "staff": { "pattern": "user{n}@contoso.test", "size": 500 } },
                  "devices": [ {
                    "name": "device-{n:2}", "count": 20, "kind": "app", "mailbox": "office{n%%5}@contoso.test",
                    "recipients": { "pool": "staff", "to": 2 },
                    "message": { "subject": "Report from {device}", "bodyBytes": 2000 },
                    "schedule": { "type": "poisson", "perHour": 6 },
                    "retry": { "policy": "fixed", "delay": "2m", "jitter": 0.5, "maxAttempts": 5 }
                  } ]
                }
                """.formatted(simulatedSeconds);
        return Scenarios.parse(json, "endurance");
    }

    private static void showAndWait(ConsoleApp app, String id) throws Exception {
        onFx(() -> {
            app.window().select(id);
            return null;
        });
        waitFor(() -> onFx(() -> app.window().view().world().id().equals(id) && !app.window().view().replaying()));
    }

    private static void sample(long minute, ConsoleApp app, Run run) throws Exception {
        double p99 = onFx(() -> app.window().view().pump().tickMillisP99());
        System.out.printf(Locale.ROOT, "%6d  %16.1f  %7d  %10d  %11.1f  %s%n", minute, mb(heapAfterGc()),
                Thread.activeCount(), openFiles(), p99, run.info().state().id());
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the console did not get there within 2 minutes");
            }
            Thread.sleep(50);
        }
    }
}
