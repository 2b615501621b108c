package org.submitlab.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** What one SMTP connection has established so far. Used only by its own session thread. */
final class SessionState {

    final String id;
    final InetSocketAddress client;
    final ReplyShapingSocket socket;
    boolean greeted;
    boolean tls;
    /** The TLS version agreed (TLSv1.3, TLSv1.2, TLSv1.1, TLSv1), or null before STARTTLS. */
    String tlsProtocol;
    /** The authenticated mailbox's address, or null. */
    String mailbox;
    /** The 535 line of the last failed AUTH (Exchange quotes it in the following 530). */
    String lastAuthFailure;
    /** Holds a concurrency slot for the whole connection (when whole connections are counted). */
    boolean holdsConnectionSlot;
    Transaction transaction;
    /** The connection's place in the table (set once admitted). */
    ConnectionTable.Entry entry;

    SessionState(String id, InetSocketAddress client, ReplyShapingSocket socket) {
        this.id = id;
        this.client = client;
        this.socket = socket;
    }

    InetAddress clientAddress() {
        return client.getAddress();
    }

    String clientText() {
        return client.getAddress().getHostAddress();
    }

    boolean authenticated() {
        return mailbox != null;
    }
}
