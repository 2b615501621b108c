package org.submitlab.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.concurrent.NamedThreads;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.LabClock;

/**
 * Runs a scenario's devices against an SMTP endpoint. One timer thread keeps every device's
 * timetable in a single queue of due times (simulated), and a bounded pool of sender threads does
 * the SMTP work; an idle device costs no thread. Waits are converted to real time with
 * {@link LabClock#realDelay} and re-checked whenever the timer wakes, so a speed change takes
 * effect within {@value #MAX_WAIT_MILLIS} ms.
 */
public final class SimulationEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationEngine.class);
    static final long MAX_WAIT_MILLIS = 50;
    private static final AtomicInteger ENGINES = new AtomicInteger();

    /** The engine's lifecycle. */
    public enum RunState { NEW, RUNNING, PAUSED, FINISHED, STOPPED }

    private record Due(Instant at, long order, DeviceRunner runner, MessageJob job) {
    }

    private final Scenario scenario;
    private final LabClock clock;
    private final List<DeviceRunner> runners = new ArrayList<>();
    private final TrackingSocketFactory sockets = new TrackingSocketFactory();
    private final SSLSocketFactory tls = DeviceTls.socketFactory();
    private final MessageBodies bodies = new MessageBodies();
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor senders;
    private final String threadPrefix;
    private final String runId;

    private final Object lock = new Object();
    private final PriorityQueue<Due> queue = new PriorityQueue<>(
            Comparator.comparing(Due::at).thenComparingLong(Due::order));
    private long order;
    private volatile RunState state = RunState.NEW;
    private boolean completed;
    private Instant startedAt;
    private Instant scheduleEnd;
    private Instant drainEnd;
    private Instant pausedAt;
    private Instant endedAt;
    private Duration pausedTotal = Duration.ZERO;
    private ScheduledFuture<?> wakeup;
    private long wakeups;
    private long wakeupDeadline;

    private final AcceptedLedger accepted;
    private final ConcurrentHashMap<String, LongAdder> acceptedPerRecipient = new ConcurrentHashMap<>();
    private final Map<String, RecipientWindowLog> windows = new ConcurrentHashMap<>();
    private final Samples lags = new Samples();

    public SimulationEngine(Scenario scenario, String host, int port, LabClock clock) {
        this(scenario, host, Map.of(EndpointKind.STANDARD, port), clock);
    }

    /**
     * Devices reach {@code host} on the port of their endpoint in {@code ports}; a device whose endpoint has no
     * port uses the standard one.
     */
    public SimulationEngine(Scenario scenario, String host, Map<EndpointKind, Integer> ports, LabClock clock) {
        this(scenario, host, ports, clock, null);
    }

    /**
     * As above, with the transactions the devices see accepted written to {@code acceptedLedger} (a run's folder)
     * for the closing checks; without one they go to a temporary file.
     */
    public SimulationEngine(Scenario scenario, String host, Map<EndpointKind, Integer> ports, LabClock clock,
            Path acceptedLedger) {
        this.scenario = scenario;
        this.accepted = acceptedLedger == null ? AcceptedLedger.temporary() : new AcceptedLedger(acceptedLedger);
        this.clock = clock;
        this.threadPrefix = "sim" + ENGINES.incrementAndGet();
        this.runId = "sim-" + UUID.randomUUID().toString().substring(0, 8);
        int i = 0;
        Map<String, DeviceRunner> relays = new LinkedHashMap<>();
        for (Relay relay : scenario.relays()) {
            Device d = relay.asDevice();
            int port = ports.getOrDefault(d.endpoint(), ports.get(EndpointKind.STANDARD));
            SmtpDeviceClient client = new SmtpDeviceClient(d, host, port, sockets, tls, bodies, clock);
            // seeds after the devices' own, so adding a relay leaves the devices' random draws as they were
            relays.put(relay.name(), new DeviceRunner(d, client, null,
                    scenario.seed() * 1_000_003L + scenario.devices().size() + i++, runId));
        }
        i = 0;
        for (Device d : scenario.devices()) {
            int port = ports.getOrDefault(d.endpoint(), ports.get(EndpointKind.STANDARD));
            SmtpDeviceClient client = new SmtpDeviceClient(d, host, port, sockets, tls, bodies, clock);
            DeviceRunner runner = new DeviceRunner(d, client, scenario.pool(d.recipients().pool()),
                    scenario.seed() * 1_000_003L + i++, runId);
            d.relay().ifPresent(name -> runner.relay = relays.get(name));
            if (d.relay().isPresent() && runner.relay == null) {
                throw new IllegalArgumentException("device " + d.name() + " names relay " + d.relay().get()
                        + ", which the scenario does not have");
            }
            runners.add(runner);
            windows.computeIfAbsent(d.mailbox(), m -> new RecipientWindowLog());
        }
        runners.addAll(relays.values());
        this.timer = new ScheduledThreadPoolExecutor(1, new NamedThreads(threadPrefix + "-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.senders = new ThreadPoolExecutor(scenario.senderThreads(), scenario.senderThreads(), 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamedThreads(threadPrefix + "-sender"));
        this.senders.allowCoreThreadTimeOut(true);
    }

    /** How often the timer woke: the drain test checks it does not spin. */
    long timerWakeups() {
        synchronized (lock) {
            return wakeups;
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    public LabClock clock() {
        return clock;
    }

    /** Marks this run's Message-IDs ({@code <RUNID.device.seq@domain>}), to find its messages in Sent Items. */
    public String runId() {
        return runId;
    }

    /** The prefix of this engine's thread names (for diagnostics and tests). */
    public String threadPrefix() {
        return threadPrefix;
    }

    public void start() {
        synchronized (lock) {
            if (state != RunState.NEW) {
                throw new IllegalStateException("the engine was already started");
            }
            state = RunState.RUNNING;
            startedAt = clock.instant();
            scheduleEnd = startedAt.plus(scenario.duration());
            drainEnd = scheduleEnd.plus(scenario.drain());
            for (DeviceRunner r : runners) {
                r.begin(startedAt);
                scheduleNextTick(r);
            }
            LOG.info("simulation {} started: {} devices, {} sender threads, speed {}", scenario.name(),
                    runners.size(), scenario.senderThreads(), clock.speed());
            wake(0);
        }
    }

    /** Devices stop starting attempts; attempts on the wire finish. Their timetables resume where they were. */
    public void pause() {
        synchronized (lock) {
            if (state == RunState.RUNNING) {
                state = RunState.PAUSED;
                pausedAt = clock.instant();
            }
        }
    }

    public void resume() {
        synchronized (lock) {
            if (state != RunState.PAUSED) {
                return;
            }
            Duration paused = Duration.between(pausedAt, clock.instant());
            pausedTotal = pausedTotal.plus(paused);
            scheduleEnd = scheduleEnd.plus(paused);
            drainEnd = drainEnd.plus(paused);
            List<Due> shifted = new ArrayList<>(queue);
            queue.clear();
            for (Due d : shifted) {
                Instant at = d.at.plus(paused);
                if (d.job != null) {
                    synchronized (d.runner) {
                        d.job.dueAt = at;
                    }
                }
                queue.add(new Due(at, d.order, d.runner, d.job));
            }
            for (DeviceRunner r : runners) {
                synchronized (r) {
                    r.shift = r.shift.plus(paused);
                }
            }
            state = RunState.RUNNING;
            pausedAt = null;
            for (DeviceRunner r : runners) {
                synchronized (r) {
                    while (r.inFlight < r.device.connection().parallel() && !r.ready.isEmpty()) {
                        MessageJob next = r.ready.poll();
                        r.inFlight++;
                        submit(r, next);
                    }
                }
            }
            wake(0);
        }
    }

    /** Stops everything: no thread and no connection of the engine is left when this returns. */
    public void stop() {
        synchronized (lock) {
            if (state == RunState.STOPPED) {
                return;
            }
            if (endedAt == null && startedAt != null) {
                endedAt = state == RunState.PAUSED ? pausedAt : clock.instant();
            }
            state = RunState.STOPPED;
        }
        timer.shutdownNow();
        sockets.closeAll();
        senders.shutdownNow();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS) || !senders.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("simulation threads did not end within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runners.forEach(r -> r.client.closeIdle());
        sockets.closeAll();
        accepted.close();
    }

    /** Removes the file of accepted transactions once the checks that read it are made. */
    public void discardAcceptedLedger() {
        accepted.delete();
    }

    @Override
    public void close() {
        stop();
    }

    public RunState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** True when every device is done (or the drain time ran out), or after {@link #stop()}. */
    public boolean isFinished() {
        synchronized (lock) {
            return state == RunState.FINISHED || state == RunState.STOPPED;
        }
    }

    /** True once both executors have ended (after {@link #stop()}). */
    public boolean isTerminated() {
        return timer.isTerminated() && senders.isTerminated();
    }

    /** SMTP connections of the devices open now. */
    public int openConnections() {
        return sockets.openCount();
    }

    public List<DeviceStatus> devices() {
        return runners.stream().map(DeviceRunner::status).toList();
    }

    public List<PendingRetry> pendingRetries() {
        List<PendingRetry> all = new ArrayList<>();
        runners.forEach(r -> all.addAll(r.pendingRetries()));
        all.sort(Comparator.comparing(PendingRetry::nextAttemptAt));
        return all;
    }

    /** Every transaction the server accepted in this run, in order. */
    public List<AcceptedSubmission> acceptedSubmissions() {
        return accepted.all();
    }

    /** Accepted transactions per envelope recipient (what the server should have delivered). */
    public Map<String, Long> acceptedPerRecipient() {
        Map<String, Long> m = new TreeMap<>();
        acceptedPerRecipient.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Simulated time the devices have run so far (pauses excluded). */
    public Duration elapsed() {
        synchronized (lock) {
            if (startedAt == null) {
                return Duration.ZERO;
            }
            Instant end = endedAt != null ? endedAt : state == RunState.PAUSED ? pausedAt : clock.instant();
            Duration d = Duration.between(startedAt, end).minus(pausedTotal);
            return d.isNegative() ? Duration.ZERO : d;
        }
    }

    public SimulationReport.Totals totals() {
        long scheduled = 0;
        long attempts = 0;
        long accepted = 0;
        long retries = 0;
        long gaveUp = 0;
        long pending = 0;
        Map<String, Long> refused = new TreeMap<>();
        List<double[]> delayParts = new ArrayList<>();
        int delayCount = 0;
        for (DeviceRunner r : runners) {
            if (r.isRelay()) {
                continue; // its transactions are counted at the devices behind it, its queue as their pending
            }
            synchronized (r) {
                scheduled += r.scheduled;
                attempts += r.attempts;
                accepted += r.accepted;
                retries += r.retries;
                gaveUp += r.gaveUp;
                pending += r.pending();
                double[] part = r.delays.toArray();
                delayParts.add(part);
                delayCount += part.length;
                r.refused.forEach((k, v) -> refused.merge(k, v, Long::sum));
            }
        }
        double[] delays = new double[delayCount];
        int at = 0;
        for (double[] part : delayParts) {
            System.arraycopy(part, 0, delays, at, part.length);
            at += part.length;
        }
        Arrays.sort(delays);
        return new SimulationReport.Totals(scheduled, attempts, accepted, refused, retries, gaveUp, pending,
                Stats.percentile(delays, 0.50), Stats.percentile(delays, 0.95));
    }

    public SimulationReport.ScheduleLag scheduleLag() {
        double[] sorted;
        synchronized (lags) {
            sorted = lags.sorted();
        }
        if (sorted.length == 0) {
            return new SimulationReport.ScheduleLag(0, 0, 0, 0);
        }
        return new SimulationReport.ScheduleLag(sorted.length, Stats.percentile(sorted, 0.5),
                Stats.percentile(sorted, 0.95), Stats.round(sorted[sorted.length - 1]));
    }

    public SimulationReport report() {
        Duration elapsed = elapsed();
        double hours = elapsed.toNanos() / 3600e9;
        Instant end;
        RunState s;
        Instant started;
        synchronized (lock) {
            s = completed ? RunState.FINISHED : state;
            started = startedAt;
            end = endedAt != null ? endedAt : clock.instant();
        }
        double scheduleHours = Math.min(hours, scenario.duration().toNanos() / 3600e9);
        List<SimulationReport.DeviceReport> devices = runners.stream().map(r -> r.report(hours, scheduleHours)).toList();
        Map<String, List<SimulationReport.DeviceReport>> byMailbox = new LinkedHashMap<>();
        scenario.mailboxes().forEach(m -> byMailbox.put(m.address(), new ArrayList<>()));
        devices.stream().filter(d -> !d.kind().equals(DeviceKind.RELAY.id()) || !isRelayRow(d.name()))
                .forEach(d -> byMailbox.computeIfAbsent(d.mailbox(), k -> new ArrayList<>()).add(d));
        List<SimulationReport.MailboxReport> mailboxes = new ArrayList<>();
        byMailbox.forEach((address, list) -> {
            Map<String, Long> refused = new TreeMap<>();
            list.forEach(d -> d.refused().forEach((k, v) -> refused.merge(k, v, Long::sum)));
            RecipientWindowLog w = windows.get(address);
            mailboxes.add(new SimulationReport.MailboxReport(address, list.size(),
                    list.stream().mapToLong(SimulationReport.DeviceReport::attempts).sum(),
                    list.stream().mapToLong(SimulationReport.DeviceReport::accepted).sum(), refused,
                    w == null ? 0 : w.inWindow(end), null));
        });
        SimulationReport.Totals totals = totals();
        return new SimulationReport(scenario.name(), clock.speed(), elapsed.getSeconds(),
                started == null ? null : started.toString(), end.toString(), s.name(), totals, devices, mailboxes,
                scheduleLag(), totals.pending(), List.of());
    }

    private boolean isRelayRow(String name) {
        return scenario.relays().stream().anyMatch(r -> r.name().equals(name));
    }

    // ---- scheduling (timer thread) ----

    /** Under {@link #lock}: queues the device's next scheduled message, or marks its schedule over. */
    private void scheduleNextTick(DeviceRunner r) {
        Instant next = r.nextScheduled();
        if (next == null || !next.isBefore(scheduleEnd)) {
            synchronized (r) {
                r.exhausted = true;
            }
            return;
        }
        queue.add(new Due(next, order++, r, null));
    }

    private void pump() {
        boolean finishedNow = false;
        synchronized (lock) {
            wakeups++;
            wakeup = null;
            if (state != RunState.RUNNING) {
                return;
            }
            Instant now = clock.instant();
            boolean draining = !now.isBefore(drainEnd);
            while (!draining && !queue.isEmpty() && !queue.peek().at.isAfter(now)) {
                Due d = queue.poll();
                if (d.job == null) {
                    MessageJob job = d.runner.newJob(d.at);
                    scheduleNextTick(d.runner);
                    // a device behind a relay hands the message over: it waits in the relay's queue
                    dispatch(d.runner.relay != null ? d.runner.relay : d.runner, job, d.at);
                } else {
                    synchronized (d.runner) {
                        d.runner.waiting.remove(d.job);
                    }
                    dispatch(d.runner, d.job, d.at);
                }
            }
            if (allDone(draining)) {
                state = RunState.FINISHED;
                completed = true;
                endedAt = now;
                finishedNow = true;
            } else {
                // draining takes nothing more from the queue, whose head may be long due: waking for it would spin
                wake(draining ? TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS) : nanosUntilNext(now));
            }
        }
        if (finishedNow) {
            LOG.info("simulation {} finished", scenario.name());
            runners.forEach(r -> r.client.closeIdle());
        }
    }

    private boolean allDone(boolean draining) {
        if (!draining && !queue.isEmpty()) {
            return false; // a device's next message or a retry is still due: no need to look at every device
        }
        for (DeviceRunner r : runners) {
            synchronized (r) {
                if (r.inFlight > 0) {
                    return false;
                }
                if (!draining && (!r.exhausted || !r.ready.isEmpty() || !r.waiting.isEmpty())) {
                    return false;
                }
            }
        }
        return draining || queue.isEmpty();
    }

    private long nanosUntilNext(Instant now) {
        long max = TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
        Due next = queue.peek();
        if (next == null) {
            return max;
        }
        return Math.min(max, clock.realDelay(Duration.between(now, next.at)).toNanos());
    }

    /** Under {@link #lock}: makes sure the timer runs within {@code nanos}. */
    private void wake(long nanos) {
        long deadline = System.nanoTime() + nanos;
        if (wakeup != null && !wakeup.isDone() && wakeupDeadline - deadline <= 0) {
            return;
        }
        if (wakeup != null) {
            wakeup.cancel(false);
        }
        try {
            wakeup = timer.schedule(this::pump, nanos, TimeUnit.NANOSECONDS);
            wakeupDeadline = deadline;
        } catch (RejectedExecutionException e) {
            // stopped meanwhile
        }
    }

    private void dispatch(DeviceRunner r, MessageJob job, Instant readyAt) {
        synchronized (r) {
            job.readyAt = readyAt;
            if (r.inFlight < r.device.connection().parallel()) {
                r.inFlight++;
                submit(r, job);
            } else {
                r.ready.add(job);
            }
        }
    }

    /** Under the runner's lock, with its in-flight count already taken. */
    private void submit(DeviceRunner r, MessageJob job) {
        try {
            senders.execute(() -> attempt(r, job));
        } catch (RejectedExecutionException e) {
            r.inFlight--;
        }
    }

    // ---- sending (sender threads) ----

    private void attempt(DeviceRunner r, MessageJob job) {
        Instant start = clock.instant();
        List<List<String>> envelopes;
        synchronized (r) {
            job.attempts++;
            if (job.firstAttemptAt == null) {
                job.firstAttemptAt = start;
            }
            envelopes = List.copyOf(job.remaining);
        }
        double lag = Math.max(0, Duration.between(job.readyAt, start).toNanos() / 1e9);
        synchronized (lags) {
            lags.add(lag);
        }
        SmtpDeviceClient.AttemptResult result;
        try {
            result = r.client.attempt(job, envelopes);
        } catch (RuntimeException e) {
            LOG.warn("device {} failed unexpectedly", r.device.name(), e);
            result = new SmtpDeviceClient.AttemptResult(SendOutcome.connectionError(e.toString()), List.of(), List.of());
        }
        complete(r, job, result);
    }

    /**
     * Counts an attempt's outcome and decides what comes next. {@code r} sent it (the device, or its relay); the
     * message's own counters are its device's. Locks: the sender's, then the device's (the same lock for a device
     * sending its own messages; relay before device otherwise, never the reverse).
     */
    private void complete(DeviceRunner r, MessageJob job, SmtpDeviceClient.AttemptResult result) {
        Instant now = clock.instant();
        boolean retry = false;
        DeviceRunner origin = job.origin;
        synchronized (r) {
            synchronized (origin) {
                r.inFlight--;
                retry = settle(r, origin, job, result, now);
                if (state == RunState.RUNNING && !r.ready.isEmpty()
                        && r.inFlight < r.device.connection().parallel()) {
                    MessageJob next = r.ready.poll();
                    if (next.readyAt.isBefore(now)) {
                        next.readyAt = now;
                    }
                    r.inFlight++;
                    submit(r, next);
                }
            }
        }
        if (retry) {
            synchronized (lock) {
                queue.add(new Due(job.dueAt, order++, r, job));
                if (state == RunState.RUNNING) {
                    wake(nanosUntilNext(clock.instant()));
                }
            }
        }
    }

    /** Under both locks: counts the outcome; returns whether the job waits for a retry (in {@code r.waiting}). */
    private boolean settle(DeviceRunner r, DeviceRunner origin, MessageJob job, SmtpDeviceClient.AttemptResult result,
            Instant now) {
        boolean retry = false;
        boolean isRetry = job.attempts > 1;
        int retryCode = 0;
        if (result.connectFailure() != null) {
            SendOutcome o = result.connectFailure();
            count(r, origin, job, o, isRetry);
            retryCode = o.code();
            if (o.permanent() && !r.device.retry().retryPermanent()) {
                giveUp(origin, job);
            }
        } else {
            for (int i = 0; i < result.outcomes().size(); i++) {
                SendOutcome o = result.outcomes().get(i);
                List<String> envelope = result.envelopes().get(i);
                count(r, origin, job, o, isRetry);
                if (o.accepted()) {
                    job.remaining.remove(envelope);
                    // behind a relay, the time in its queue is part of the delay
                    Instant from = job.relayed ? job.createdAt : job.firstAttemptAt;
                    origin.delays.add(Duration.between(from, now).toNanos() / 1e9);
                    recordAccepted(r.device, job, envelope, now);
                } else if (o.permanent() && !r.device.retry().retryPermanent()) {
                    job.remaining.remove(envelope);
                    origin.gaveUp++;
                    job.gaveUp = true;
                } else {
                    retryCode = o.code();
                }
            }
        }
        if (!job.remaining.isEmpty()) {
            var delay = r.device.retry().nextDelay(job.attempts,
                    Duration.between(job.firstAttemptAt, now), retryCode, r.random);
            if (delay.isPresent()) {
                job.dueAt = now.plus(delay.get());
                r.waiting.add(job);
                retry = true;
            } else {
                giveUp(origin, job);
            }
        }
        if (job.remaining.isEmpty()) {
            if (job.relayed) {
                origin.relayedOutstanding--;
            }
            if (job.gaveUp) {
                origin.lastGaveUp = true;
            } else {
                origin.messagesAccepted++;
                origin.lastGaveUp = false;
            }
        }
        return retry;
    }

    private static void giveUp(DeviceRunner origin, MessageJob job) {
        origin.gaveUp += job.remaining.size();
        job.remaining.clear();
        job.gaveUp = true;
    }

    /** Counts a transaction at its sender and, behind a relay, at the device whose message it is. */
    private static void count(DeviceRunner r, DeviceRunner origin, MessageJob job, SendOutcome o, boolean isRetry) {
        count(r, job, o, isRetry);
        if (origin != r) {
            count(origin, job, o, isRetry);
        }
    }

    private static void count(DeviceRunner r, MessageJob job, SendOutcome o, boolean isRetry) {
        r.attempts++;
        if (isRetry) {
            r.retries++;
        }
        r.lastReply = o.line();
        job.lastReply = o.line();
        if (o.accepted()) {
            r.accepted++;
        } else {
            r.refused.merge(o.key(), 1L, Long::sum);
        }
    }

    private void recordAccepted(Device sender, MessageJob job, List<String> envelope, Instant at) {
        String mailbox = sender.mailbox();
        accepted.add(new AcceptedSubmission(mailbox, job.messageId, envelope, sender.endpoint()));
        for (String rcpt : envelope) {
            acceptedPerRecipient.computeIfAbsent(rcpt, k -> new LongAdder()).increment();
        }
        windows.computeIfAbsent(mailbox, m -> new RecipientWindowLog()).add(at, envelope.size());
    }
}
