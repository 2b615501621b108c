package org.submitlab.server;

import java.io.IOException;
import org.subethamail.smtp.server.Session;
import org.submitlab.policy.Replies;

/** RSET, QUIT, NOOP, HELP, VRFY, and the verbs this endpoint does not offer. */
final class SessionCommands {

    private SessionCommands() {
    }

    static final class Rset extends SmtpCommand {
        Rset(ServerContext ctx) {
            super("RSET", ctx);
        }

        @Override
        void handle(String line, Session session, SessionState st) throws IOException {
            ctx.transactions.abandon(st, "RSET");
            ctx.reply(session, st, ProtocolReplies.RESETTING);
        }
    }

    static final class Quit extends SmtpCommand {
        Quit(ServerContext ctx) {
            super("QUIT", ctx);
        }

        @Override
        void handle(String line, Session session, SessionState st) throws IOException {
            ctx.transactions.abandon(st, "QUIT");
            ctx.reply(session, st, Replies.CLOSING);
            session.quit();
        }
    }

    /** A verb with one fixed reply. */
    static final class Fixed extends SmtpCommand {
        private final String reply;

        Fixed(String name, ServerContext ctx, String reply) {
            super(name, ctx);
            this.reply = reply;
        }

        @Override
        void handle(String line, Session session, SessionState st) throws IOException {
            ctx.reply(session, st, reply);
        }
    }

    static Fixed noop(ServerContext ctx) {
        return new Fixed("NOOP", ctx, ProtocolReplies.OK);
    }

    static Fixed help(ServerContext ctx) {
        return new Fixed("HELP", ctx, ProtocolReplies.HELP);
    }

    static Fixed vrfy(ServerContext ctx) {
        return new Fixed("VRFY", ctx, ProtocolReplies.CANNOT_VRFY);
    }

    /** EXPN and BDAT exist in the library but are not offered here (CHUNKING is not advertised). */
    static Fixed unrecognized(String name, ServerContext ctx) {
        return new Fixed(name, ctx, ProtocolReplies.UNRECOGNIZED);
    }
}
