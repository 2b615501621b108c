package org.submitlab.server;

import org.submitlab.policy.Replies;

/** Why a connection was ended by the server, with the 421 line the client gets. */
enum Deadline {
    IDLE(Replies.IDLE_TIMEOUT),
    COMMAND_LINE(Replies.COMMAND_LINE_TIMEOUT),
    DATA_RATE(Replies.DATA_TOO_SLOW),
    AUTHENTICATION(Replies.AUTHENTICATION_TIMEOUT),
    SESSION(Replies.SESSION_TIMEOUT),
    /** Not a deadline: an idle unauthenticated connection closed to make room in a full table. */
    SHED(Replies.TOO_MANY_CONNECTIONS);

    private final String reply;

    Deadline(String reply) {
        this.reply = reply;
    }

    String reply() {
        return reply;
    }
}
