package org.submitlab.server;

import java.io.IOException;
import org.subethamail.smtp.server.Session;
import org.submitlab.policy.Limits;

/** EHLO and HELO. EHLO lists only what is really implemented; after TLS, AUTH replaces STARTTLS. */
final class HelloCommands {

    private HelloCommands() {
    }

    static final class Ehlo extends SmtpCommand {
        private final Transactions transactions;

        Ehlo(ServerContext ctx, Transactions transactions) {
            super("EHLO", ctx);
            this.transactions = transactions;
        }

        @Override
        void handle(String line, Session session, SessionState st) throws IOException {
            String domain = argument(line);
            if (domain.isEmpty() || hasControlCharacters(domain)) {
                ctx.reply(session, st, ProtocolReplies.INVALID_DOMAIN);
                return;
            }
            transactions.abandon(st, "EHLO");
            st.greeted = true;
            Limits limits = ctx.tenant.limits();
            String reply = "250-" + ctx.host() + " Hello [" + st.clientText() + "]\r\n"
                    + "250-SIZE " + limits.maxMessageSize() + "\r\n"
                    + "250-PIPELINING\r\n"
                    + "250-ENHANCEDSTATUSCODES\r\n"
                    + (st.tls ? "250-AUTH LOGIN XOAUTH2\r\n" : "250-STARTTLS\r\n")
                    + "250-8BITMIME\r\n"
                    + "250 SMTPUTF8";
            ctx.reply(session, st, reply);
        }
    }

    static final class Helo extends SmtpCommand {
        private final Transactions transactions;

        Helo(ServerContext ctx, Transactions transactions) {
            super("HELO", ctx);
            this.transactions = transactions;
        }

        @Override
        void handle(String line, Session session, SessionState st) throws IOException {
            String domain = argument(line);
            if (domain.isEmpty() || hasControlCharacters(domain)) {
                ctx.reply(session, st, ProtocolReplies.INVALID_DOMAIN);
                return;
            }
            transactions.abandon(st, "HELO");
            st.greeted = true;
            ctx.reply(session, st, "250 " + ctx.host() + " Hello [" + st.clientText() + "]");
        }
    }
}
