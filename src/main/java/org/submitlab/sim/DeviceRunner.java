package org.submitlab.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** One device's live state in the engine: its schedule cursor, queues and counters. Guarded by itself. */
final class DeviceRunner {

    final Device device;
    final SmtpDeviceClient client;
    final Random random;
    private final RecipientPool pool;
    private final String idPrefix;
    private Schedule.Cursor cursor;
    /** Added to the schedule's times: pauses push the device's timetable back. */
    Duration shift = Duration.ZERO;
    boolean exhausted;
    int inFlight;
    final ArrayDeque<MessageJob> ready = new ArrayDeque<>();
    final List<MessageJob> waiting = new ArrayList<>();
    private long seq;
    private int poolCursor;

    long scheduled;
    long attempts;
    long accepted;
    final Map<String, Long> refused = new TreeMap<>();
    long retries;
    long gaveUp;
    long messagesAccepted;
    final Samples delays = new Samples();
    String lastReply = "";
    boolean lastGaveUp;

    private final long seed;
    /** The relay's runner this device hands its messages to; null when it submits them itself. */
    DeviceRunner relay;
    /** Messages handed to the relay and not yet accepted nor given up. */
    long relayedOutstanding;

    DeviceRunner(Device device, SmtpDeviceClient client, RecipientPool pool, long seed, String runId) {
        this.device = device;
        this.client = client;
        this.pool = pool;
        this.seed = seed;
        this.random = new Random(mix(seed, 1));
        String slug = device.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        this.idPrefix = runId + "." + slug + ".";
    }

    /** Independent, well-spread seeds for neighbouring devices (java.util.Random's are correlated). */
    static long mix(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Starts the device's timetable at {@code runStart}. */
    synchronized void begin(Instant runStart) {
        cursor = device.schedule().cursor(runStart, new Random(mix(seed, 2)));
    }

    /** The next scheduled send time (shifted by pauses), or null when the schedule is over. */
    synchronized Instant nextScheduled() {
        Instant t = cursor.next();
        return t == null ? null : t.plus(shift);
    }

    /** A new message due at {@code at}, with recipients drawn from the pool. */
    synchronized MessageJob newJob(Instant at) {
        long n = ++seq;
        scheduled++;
        List<String> drawn = draw(device.recipients().perMessage());
        RecipientMix mix = device.recipients();
        String domain = device.from().substring(device.from().indexOf('@') + 1);
        MessageJob job = new MessageJob(n, device.name() + " #" + n, "<" + idPrefix + n + "@" + domain + ">", at,
                drawn.subList(0, mix.to()), drawn.subList(mix.to(), mix.to() + mix.cc()),
                drawn.subList(mix.to() + mix.cc(), drawn.size()), device.perRecipient());
        job.origin = this;
        if (relay != null) {
            job.relayed = true;
            relayedOutstanding++;
        }
        return job;
    }

    /** A relay: it has no schedule of its own and sends the messages of the devices behind it. */
    boolean isRelay() {
        return pool == null;
    }

    private List<String> draw(int n) {
        List<String> all = pool.addresses();
        List<String> out = new ArrayList<>(n);
        if (device.recipients().sequential()) {
            for (int i = 0; i < n; i++) {
                out.add(all.get(poolCursor));
                poolCursor = (poolCursor + 1) % all.size();
            }
        } else if (n * 4 <= all.size()) {
            Set<Integer> picked = new HashSet<>();
            while (out.size() < n) {
                int i = random.nextInt(all.size());
                if (picked.add(i)) {
                    out.add(all.get(i));
                }
            }
        } else {
            int[] idx = new int[all.size()];
            Arrays.setAll(idx, i -> i);
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(idx.length - i);
                int tmp = idx[i];
                idx[i] = idx[j];
                idx[j] = tmp;
                out.add(all.get(idx[i]));
            }
        }
        return out;
    }

    synchronized DeviceState state() {
        if (inFlight > 0 || relayedOutstanding > 0) {
            return DeviceState.SENDING;
        }
        if (!waiting.isEmpty()) {
            return DeviceState.WAITING_TO_RETRY;
        }
        if (exhausted && ready.isEmpty()) {
            return DeviceState.DONE;
        }
        return lastGaveUp ? DeviceState.GAVE_UP : DeviceState.IDLE;
    }

    synchronized boolean idle() {
        return inFlight == 0 && ready.isEmpty() && waiting.isEmpty();
    }

    /** Messages not yet accepted nor given up: on the wire, queued, waiting to retry, or handed to the relay. */
    synchronized long pending() {
        return inFlight + ready.size() + waiting.size() + relayedOutstanding;
    }

    synchronized DeviceStatus status() {
        long refusedTotal = refused.values().stream().mapToLong(Long::longValue).sum();
        return new DeviceStatus(device.name(), device.kind(), device.mailbox(), state(), attempts, accepted,
                refusedTotal, retries, gaveUp, waiting.size(), lastReply);
    }

    synchronized List<PendingRetry> pendingRetries() {
        return waiting.stream().map(j -> new PendingRetry(device.name(), device.mailbox(), j.label, j.messageId,
                j.attempts + 1, j.dueAt, j.lastReply)).toList();
    }

    /**
     * @param simHours       simulated hours the run lasted
     * @param scheduleHours  simulated hours during which the schedule could start messages
     */
    synchronized SimulationReport.DeviceReport report(double simHours, double scheduleHours) {
        double intended = isRelay() ? 0 : device.schedule().intendedPerHour();
        if (intended == 0 && scheduleHours > 0) {
            intended = scheduled / scheduleHours;
        }
        double[] sorted = delays.sorted();
        return new SimulationReport.DeviceReport(device.name(), device.kind().id(), device.mailbox(), scheduled,
                attempts, accepted, new TreeMap<>(refused), retries, gaveUp, pending(),
                messagesAccepted, Stats.percentile(sorted, 0.50), Stats.percentile(sorted, 0.95),
                Stats.round(intended),
                Stats.round(simHours > 0 ? messagesAccepted / simHours : 0), lastReply);
    }
}
