package org.submitlab.server;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.subethamail.smtp.server.Session;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.Replies;
import org.submitlab.policy.SendAsCheck;

/**
 * MAIL FROM and RCPT TO. Policy refusals wait for the end of DATA; only SIZE= is refused at MAIL, and Send As when
 * the tenant checks it there. On HVE, a recipient outside the tenant's domains is refused at RCPT TO.
 */
final class EnvelopeCommands {

    private static final int MAX_RECIPIENTS_PER_TRANSACTION = 10_000;

    private EnvelopeCommands() {
    }

    /** The 530; after a failed AUTH Exchange quotes the 535 it gave. */
    static String notAuthenticated(SessionState st) {
        return st.lastAuthFailure == null ? Replies.NOT_AUTHENTICATED
                : Replies.notAuthenticatedAfterFailure(st.lastAuthFailure);
    }

    static final class Mail extends SmtpCommand {
        Mail(ServerContext ctx) {
            super("MAIL", ctx);
        }

        @Override
        void handle(String line, Session session, SessionState st) throws IOException {
            if (!st.greeted) {
                ctx.reply(session, st, ProtocolReplies.SEND_HELLO_FIRST);
                return;
            }
            if (!st.authenticated()) {
                ctx.reply(session, st, notAuthenticated(st));
                return;
            }
            if (st.transaction != null) {
                ctx.reply(session, st, ProtocolReplies.SENDER_ALREADY_SPECIFIED);
                return;
            }
            Optional<Path> path = Path.parse(line, "FROM:");
            if (path.isEmpty()) {
                ctx.reply(session, st, ProtocolReplies.INVALID_ARGUMENTS);
                return;
            }
            if (path.get().address() == null) {
                ctx.reply(session, st, ProtocolReplies.INVALID_ADDRESS);
                return;
            }
            String from = path.get().address();
            Optional<String> size = path.get().parameter("SIZE");
            if (size.isPresent()) {
                long declared;
                try {
                    declared = Long.parseLong(size.get());
                } catch (NumberFormatException e) {
                    ctx.reply(session, st, ProtocolReplies.INVALID_ARGUMENTS);
                    return;
                }
                if (declared > ctx.tenant.limits().maxMessageSize()) {
                    String refusal = ctx.shape(st, Replies.SIZE_EXCEEDS_FIXED_MAXIMUM);
                    ctx.policy.recordRefused(st.mailbox);
                    ctx.transactions.refused(st, from, List.of(), declared, "MAIL", refusal);
                    session.sendResponse(refusal);
                    return;
                }
            }
            if (ctx.tenant.settings().rules().sendAsCheck() == SendAsCheck.MAIL_FROM && !maySendAs(st, from)) {
                String refusal = ctx.shape(st, Replies.SEND_AS_DENIED_AT_MAIL_FROM);
                ctx.policy.recordRefused(st.mailbox);
                ctx.transactions.refused(st, from, List.of(), 0, "MAIL", refusal);
                session.sendResponse(refusal);
                return;
            }
            ctx.transactions.start(st, from);
            ctx.reply(session, st, Replies.SENDER_OK);
        }

        private boolean maySendAs(SessionState st, String from) {
            return ctx.tenant.mailbox(st.mailbox).map(m -> m.maySendAs(from)).orElse(false);
        }
    }

    static final class Rcpt extends SmtpCommand {
        Rcpt(ServerContext ctx) {
            super("RCPT", ctx);
        }

        @Override
        void handle(String line, Session session, SessionState st) throws IOException {
            Transaction tx = st.transaction;
            if (!st.authenticated()) {
                ctx.reply(session, st, notAuthenticated(st));
                return;
            }
            if (tx == null) {
                ctx.reply(session, st, ProtocolReplies.NEED_MAIL);
                return;
            }
            Optional<Path> path = Path.parse(line, "TO:");
            if (path.isEmpty()) {
                ctx.reply(session, st, ProtocolReplies.INVALID_ARGUMENTS);
                return;
            }
            String to = path.get().address();
            if (to == null || to.isEmpty()) {
                ctx.reply(session, st, ProtocolReplies.INVALID_ADDRESS);
                return;
            }
            if (tx.recipients.size() >= MAX_RECIPIENTS_PER_TRANSACTION) {
                ctx.reply(session, st, ProtocolReplies.TOO_MANY_RECIPIENTS_IN_TRANSACTION);
                return;
            }
            if (ctx.endpoint == EndpointKind.HVE && ctx.tenant.isExternal(to)) {
                // High Volume Email sends to the tenant's own domains only (the reply is unconfirmed for HVE).
                ctx.reply(session, st, Replies.HVE_EXTERNAL_RECIPIENT);
                return;
            }
            tx.recipients.add(to);
            tx.phase = Transaction.Phase.RCPT;
            ctx.reply(session, st, Replies.RECIPIENT_OK);
        }
    }

    /**
     * A reverse or forward path with its parameters: {@code FROM:<a@b> SIZE=10}. The address is
     * lower-cased; {@code <>} gives "" and an address that is not local@domain gives null.
     */
    record Path(String address, List<String> parameters) {

        static Optional<Path> parse(String line, String keyword) {
            if (SmtpCommand.hasControlCharacters(line)) {
                return Optional.empty();
            }
            String rest = SmtpCommand.argument(line);
            if (!rest.regionMatches(true, 0, keyword, 0, keyword.length())) {
                return Optional.empty();
            }
            rest = rest.substring(keyword.length()).trim();
            String pathText;
            String params;
            if (rest.startsWith("<")) {
                int close = closingBracket(rest);
                if (close < 0) {
                    return Optional.empty();
                }
                pathText = rest.substring(1, close);
                params = rest.substring(close + 1).trim();
            } else {
                int space = rest.indexOf(' ');
                pathText = space < 0 ? rest : rest.substring(0, space);
                params = space < 0 ? "" : rest.substring(space + 1).trim();
                if (pathText.isEmpty()) {
                    return Optional.empty();
                }
            }
            int colon = pathText.indexOf(':');
            if (pathText.startsWith("@") && colon > 0) {
                pathText = pathText.substring(colon + 1); // source route, ignored
            }
            List<String> parameters = params.isEmpty() ? List.of() : List.of(params.split("\\s+"));
            return Optional.of(new Path(valid(pathText) ? pathText.toLowerCase(Locale.ROOT) : null, parameters));
        }

        /** The '>' that closes a path starting with '<', skipping quoted local parts ({@code <"a>b"@c>}). */
        private static int closingBracket(String rest) {
            for (int i = 1; i < rest.length(); i++) {
                char c = rest.charAt(i);
                if (c == '"') {
                    int end = endOfQuoted(rest, i);
                    if (end < 0) {
                        return rest.indexOf('>'); // unbalanced: the address check refuses it
                    }
                    i = end;
                } else if (c == '>') {
                    return i;
                }
            }
            return -1;
        }

        /** Index of the quote closing the quoted string that opens at {@code open}, or -1 (RFC 5321 quoted-pair aware). */
        private static int endOfQuoted(String s, int open) {
            for (int i = open + 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    return i;
                }
            }
            return -1;
        }

        /** local@domain, where the local part may be an RFC 5321 quoted string ({@code "john doe"@contoso.test}). */
        private static boolean valid(String address) {
            if (address.isEmpty()) {
                return true;
            }
            if (address.length() > 320) {
                return false;
            }
            if (address.startsWith("\"")) {
                int end = endOfQuoted(address, 0);
                return end > 1 && end + 2 < address.length() && address.charAt(end + 1) == '@'
                        && plainDomain(address.substring(end + 2));
            }
            int at = address.lastIndexOf('@');
            return at > 0 && at < address.length() - 1 && address.indexOf(' ') < 0
                    && address.indexOf('<') < 0 && address.indexOf('>') < 0;
        }

        private static boolean plainDomain(String domain) {
            for (int i = 0; i < domain.length(); i++) {
                char c = domain.charAt(i);
                if (c == ' ' || c == '<' || c == '>' || c == '@' || c == '"') {
                    return false;
                }
            }
            return true;
        }

        Optional<String> parameter(String name) {
            for (String p : parameters) {
                int eq = p.indexOf('=');
                String key = eq < 0 ? p : p.substring(0, eq);
                if (key.equalsIgnoreCase(name)) {
                    return Optional.of(eq < 0 ? "" : p.substring(eq + 1));
                }
            }
            return Optional.empty();
        }
    }
}
