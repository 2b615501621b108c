package org.submitlab.app.devices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.submitlab.concurrent.NamedThreads;
import org.submitlab.events.EventBus;
import org.submitlab.events.LabEvent;
import org.submitlab.events.Subscription;
import org.submitlab.store.ClientRepository;
import org.submitlab.store.ClientSighting;

/**
 * Builds Live's device inventory from its events: each session is followed from connect to close (EHLO name,
 * TLS, the login tried and its mechanism, envelope senders, sizes, outcomes, how full its mailbox's slots were)
 * and, once closed, added to the client it belongs to in the store.
 */
public final class DeviceInventory implements AutoCloseable {

    private static final int QUEUE = 100_000;
    private static final java.util.regex.Pattern REPLY_CODES =
            java.util.regex.Pattern.compile("^(\\d{3})[ -](\\d\\.\\d{1,3}\\.\\d{1,3})?");

    private final Subscription events;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(new NamedThreads("device-inventory"));
    private final Sessions sessions;
    private volatile boolean running = true;

    private DeviceInventory(EventBus bus, ClientRepository clients) {
        this.events = bus.subscribe("device inventory", QUEUE);
        this.sessions = new Sessions(clients::addLater);
    }

    /** Follows {@code bus} from now on, on a thread of its own. */
    public static DeviceInventory follow(EventBus bus, ClientRepository clients) {
        DeviceInventory d = new DeviceInventory(bus, clients);
        d.thread.execute(d::run);
        return d;
    }

    private void run() {
        List<LabEvent> batch = new ArrayList<>();
        while (running) {
            try {
                LabEvent first = events.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                events.drainTo(batch, 10_000);
                batch.forEach(sessions::apply);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        events.close();
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The sessions open now; each, once closed, goes to the sink. */
    static final class Sessions {
        private final Map<String, Session> open = new HashMap<>();
        private final java.util.function.Consumer<ClientSighting> sink;

        Sessions(java.util.function.Consumer<ClientSighting> sink) {
            this.sink = sink;
        }

        void apply(LabEvent e) {
            if (e instanceof LabEvent.ConnectionOpened o) {
                open.put(o.sessionId(), new Session(o.clientAddress(), o.time()));
            } else if (e instanceof LabEvent.ConnectionClosed c) {
                Session s = open.remove(c.sessionId());
                if (s != null) {
                    sink.accept(s.sighting(c.time()));
                }
            } else {
                Session s = open.get(e.sessionId());
                if (s != null) {
                    s.apply(e);
                }
            }
        }
    }

    /** One connection as it goes. */
    private static final class Session {
        final String address;
        final Instant opened;
        String ehlo = "";
        String tls;
        String cipher;
        String login = "";
        String mechanism = "";
        long authFailures;
        long accepted;
        final Map<String, Long> refusals = new TreeMap<>();
        final LinkedHashSet<String> sendAs = new LinkedHashSet<>();
        long messages;
        long maxSize;
        long totalSize;
        int peak;
        int limit;

        Session(String address, Instant opened) {
            this.address = address;
            this.opened = opened;
        }

        void apply(LabEvent e) {
            if (e instanceof LabEvent.TranscriptLine t) {
                String upper = t.line().toUpperCase(Locale.ROOT);
                if (t.fromClient() && ehlo.isEmpty() && (upper.startsWith("EHLO ") || upper.startsWith("HELO "))) {
                    ehlo = t.line().substring(5).trim();
                }
            } else if (e instanceof LabEvent.TlsStarted t) {
                tls = t.protocol();
                cipher = t.cipherSuite();
            } else if (e instanceof LabEvent.AuthAttempted a) {
                login = a.user() == null ? "" : a.user();
                mechanism = a.mechanism() == null ? "" : a.mechanism().toUpperCase(Locale.ROOT);
                if (!a.success()) {
                    authFailures++;
                }
            } else if (e instanceof LabEvent.TransactionStarted t) {
                if (t.envelopeFrom() != null && !t.envelopeFrom().equalsIgnoreCase(t.mailbox())) {
                    sendAs.add(t.envelopeFrom().toLowerCase(Locale.ROOT));
                }
            } else if (e instanceof LabEvent.SlotRequested r) {
                peak = Math.max(peak, r.granted() ? r.inUse() : r.limit());
                limit = Math.max(limit, r.limit());
            } else if (e instanceof LabEvent.SubmissionAccepted a) {
                accepted++;
                sized(a.size());
            } else if (e instanceof LabEvent.SubmissionRefused r) {
                refusals.merge(code(r.reply()), 1L, Long::sum);
                if ("DATA".equals(r.phase())) {
                    sized(r.size());
                }
            }
        }

        private void sized(long size) {
            messages++;
            maxSize = Math.max(maxSize, size);
            totalSize += size;
        }

        ClientSighting sighting(Instant closed) {
            return new ClientSighting(ehlo, address, login, mechanism, tls, cipher, opened, closed, 1, authFailures,
                    accepted, refusals, List.copyOf(sendAs), messages, maxSize, totalSize, peak, limit);
        }
    }

    /** "432 4.3.2" from a reply line: its basic and enhanced codes, or the line's start when it has none. */
    static String code(String reply) {
        if (reply == null) {
            return "";
        }
        java.util.regex.Matcher m = REPLY_CODES.matcher(reply);
        if (m.find()) {
            return m.group(2) == null ? m.group(1) : m.group(1) + " " + m.group(2);
        }
        return reply.length() > 20 ? reply.substring(0, 20) : reply;
    }
}
