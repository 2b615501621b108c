package org.submitlab.server;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;
import org.submitlab.events.EventBus;
import org.submitlab.events.LabEvent;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.LabClock;
import org.submitlab.policy.SubmissionPolicy;
import org.submitlab.policy.Tenant;
import org.submitlab.server.tls.TlsSocketCreator;
import org.submitlab.store.Store;
import org.submitlab.store.SubmissionRecord;

/** What every command of one running server shares: policy, store, events, clock and the sessions. */
final class ServerContext {

    private static final Logger LOG = LoggerFactory.getLogger(ServerContext.class);

    final Store store;
    final EventBus events;
    final LabClock clock;
    final Tenant tenant;
    final SubmissionPolicy policy;
    final TlsSocketCreator tls;
    /** Which Exchange endpoint this listener plays. */
    final EndpointKind endpoint;
    /** Completes TLS 1.0/1.1 handshakes, or null where none is available. */
    final LegacyTlsAcceptor legacyTls;
    /** The server's open transactions; every command that starts or ends one goes through here. */
    final Transactions transactions = new Transactions(this);
    /** Every connection the server holds, by client address, with their deadlines. */
    final ConnectionTable connections = new ConnectionTable();
    private final ConcurrentHashMap<Session, SessionState> sessions = new ConcurrentHashMap<>();

    ServerContext(Store store, EventBus events, LabClock clock, Tenant tenant, SubmissionPolicy policy,
            TlsSocketCreator tls) {
        this(store, events, clock, tenant, policy, tls, EndpointKind.STANDARD, null);
    }

    ServerContext(Store store, EventBus events, LabClock clock, Tenant tenant, SubmissionPolicy policy,
            TlsSocketCreator tls, EndpointKind endpoint, LegacyTlsAcceptor legacyTls) {
        this.endpoint = endpoint;
        this.legacyTls = legacyTls;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.tenant = tenant;
        this.policy = policy;
        this.tls = tls;
    }

    /** Whether a TLS 1.0/1.1 session may go on here: on the legacy endpoint, or where the tenant allows them. */
    boolean legacyTlsAllowed() {
        return endpoint == EndpointKind.LEGACY || tenant.settings().rules().legacyTls();
    }

    String host() {
        return tenant.settings().hostName();
    }

    Instant now() {
        return clock.instant();
    }

    void register(Session session, SessionState state) {
        sessions.put(session, state);
    }

    SessionState state(Session session) {
        SessionState s = sessions.get(session);
        if (s == null) {
            throw new IllegalStateException("no state for session " + session.getSessionId());
        }
        return s;
    }

    SessionState remove(Session session) {
        return sessions.remove(session);
    }

    int openSessions() {
        return sessions.size();
    }

    /** Sends a reply, with the diagnostic suffix when it is a refusal; returns the line as sent. */
    String reply(Session session, SessionState state, String line) throws IOException {
        String sent = shape(state, line);
        session.sendResponse(sent);
        return sent;
    }

    /** The line as it will be sent (see {@link DiagnosticSuffix}). */
    String shape(SessionState state, String line) {
        if (!DiagnosticSuffix.isRefusal(line)) {
            return line; // most replies: no suffix, so no clock read
        }
        return DiagnosticSuffix.apply(line, host(), now(), state.id);
    }

    /**
     * Shapes what the library says on a connection before its session is accepted (and its own shaper attached):
     * only its refusal when its connection cap is hit, given the enhanced code and the suffix with {@code id}.
     */
    UnaryOperator<String> beforeSessionShaper(String id) {
        return line -> {
            String shaped = ProtocolReplies.forLibraryLine(line);
            return DiagnosticSuffix.isRefusal(shaped) ? DiagnosticSuffix.apply(shaped, host(), now(), id) : shaped;
        };
    }

    void publish(LabEvent event) {
        events.publish(event);
    }

    void clientLine(SessionState state, String line) {
        events.publish(new LabEvent.TranscriptLine(now(), state.id, true, line));
    }

    void serverLine(String sessionId, String line) {
        events.publish(new LabEvent.TranscriptLine(now(), sessionId, false, AuthTranscript.serverLine(line)));
    }

    /** Logs an attempt that was refused or abandoned; nobody waits for it. */
    void recordAsync(SubmissionRecord record) {
        try {
            store.recordAsync(record);
        } catch (RuntimeException e) {
            LOG.warn("Could not record a submission attempt: {}", e.getMessage());
        }
    }
}
