package org.submitlab.server;

import java.io.IOException;
import org.subethamail.smtp.server.Session;
import org.submitlab.policy.Limits;

/** EHLO and HELO. EHLO lists only what is really implemented; after TLS, AUTH replaces STARTTLS. */
final class HelloCommands {

    private HelloCommands() {
    }

    /** What both greetings do: check the domain, end any open transaction, then greet. */
    private abstract static class Greeting extends SmtpCommand {

        Greeting(String verb, ServerContext ctx) {
            super(verb, ctx);
        }

        @Override
        final void handle(String line, Session session, SessionState st) throws IOException {
            String domain = argument(line);
            if (domain.isEmpty() || hasControlCharacters(domain)) {
                ctx.reply(session, st, ProtocolReplies.INVALID_DOMAIN);
                return;
            }
            ctx.transactions.abandon(st, getName());
            st.greeted = true;
            ctx.reply(session, st, greeting(st));
        }

        abstract String greeting(SessionState st);

        String helloLine(SessionState st) {
            return ctx.host() + " Hello [" + st.clientText() + "]";
        }
    }

    static final class Ehlo extends Greeting {
        Ehlo(ServerContext ctx) {
            super("EHLO", ctx);
        }

        @Override
        String greeting(SessionState st) {
            Limits limits = ctx.tenant.limits();
            return "250-" + helloLine(st) + "\r\n"
                    + "250-SIZE " + limits.maxMessageSize() + "\r\n"
                    + "250-PIPELINING\r\n"
                    + "250-ENHANCEDSTATUSCODES\r\n"
                    + (st.tls ? "250-AUTH LOGIN XOAUTH2\r\n" : "250-STARTTLS\r\n")
                    + "250-8BITMIME\r\n"
                    + "250 SMTPUTF8";
        }
    }

    static final class Helo extends Greeting {
        Helo(ServerContext ctx) {
            super("HELO", ctx);
        }

        @Override
        String greeting(SessionState st) {
            return "250 " + helloLine(st);
        }
    }
}
