package org.submitlab.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a real client did in its sessions, as the device inventory keeps it: one per EHLO name, client address,
 * login tried and mechanism. A session adds itself to the one it belongs to ({@link #plus}).
 *
 * @param tls           the TLS version last agreed ("TLSv1.2"), or null when it never started TLS
 * @param refusals      refusals by reply code ("432 4.3.2" → 7)
 * @param sendAs        envelope senders other than the login it used
 * @param peakInFlight  the most submissions in flight on its mailbox seen in its sessions, against {@code limit}
 */
public record ClientSighting(String ehlo, String address, String login, String mechanism, String tls, String cipher,
        Instant firstSeen, Instant lastSeen, long sessions, long authFailures, long accepted, Map<String, Long> refusals,
        List<String> sendAs, long messages, long maxSize, long totalSize, int peakInFlight, int limit) {

    public ClientSighting {
        ehlo = ehlo == null ? "" : ehlo;
        login = login == null ? "" : login;
        mechanism = mechanism == null ? "" : mechanism;
        refusals = Map.copyOf(refusals);
        sendAs = List.copyOf(sendAs);
    }

    /** The key a sighting is kept under. */
    public String key() {
        return String.join("\u0000", ehlo.toLowerCase(java.util.Locale.ROOT), address, login.toLowerCase(java.util.Locale.ROOT),
                mechanism);
    }

    /** This one with a later session's {@code s} (same key) added. */
    public ClientSighting plus(ClientSighting s) {
        java.util.TreeMap<String, Long> r = new java.util.TreeMap<>(refusals);
        s.refusals.forEach((k, v) -> r.merge(k, v, Long::sum));
        java.util.LinkedHashSet<String> as = new java.util.LinkedHashSet<>(sendAs);
        as.addAll(s.sendAs);
        boolean later = !s.lastSeen.isBefore(lastSeen);
        return new ClientSighting(ehlo, address, login, mechanism, later && s.tls != null ? s.tls : tls,
                later && s.cipher != null ? s.cipher : cipher, firstSeen.isBefore(s.firstSeen) ? firstSeen : s.firstSeen,
                later ? s.lastSeen : lastSeen, sessions + s.sessions, authFailures + s.authFailures, accepted + s.accepted,
                r, List.copyOf(as), messages + s.messages, Math.max(maxSize, s.maxSize), totalSize + s.totalSize,
                Math.max(peakInFlight, s.peakInFlight), Math.max(limit, s.limit));
    }
}
