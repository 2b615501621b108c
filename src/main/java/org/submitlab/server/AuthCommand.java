package org.submitlab.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.subethamail.smtp.server.Session;
import org.submitlab.events.LabEvent;
import org.submitlab.policy.Replies;
import org.submitlab.policy.SubmissionPolicy.AuthResult;

/**
 * AUTH LOGIN and AUTH XOAUTH2, offered only after STARTTLS. Anything else (PLAIN included), or any
 * AUTH before TLS, gets 504 5.7.4. Secrets never reach the transcript.
 */
final class AuthCommand extends SmtpCommand {

    AuthCommand(ServerContext ctx) {
        super("AUTH", ctx);
    }

    @Override
    String transcriptText(String line) {
        return AuthTranscript.command(line);
    }

    @Override
    void handle(String line, Session session, SessionState st) throws IOException {
        if (!st.greeted) {
            ctx.reply(session, st, ProtocolReplies.SEND_HELLO_FIRST);
            return;
        }
        if (st.authenticated()) {
            ctx.reply(session, st, ProtocolReplies.ALREADY_AUTHENTICATED);
            return;
        }
        String[] parts = argument(line).split("\\s+");
        String mechanism = upper(parts[0]);
        String initial = parts.length > 1 ? parts[1] : null;
        if (!st.tls || !(mechanism.equals("LOGIN") || mechanism.equals("XOAUTH2"))) {
            ctx.reply(session, st, Replies.AUTH_UNRECOGNIZED);
            return;
        }
        if (mechanism.equals("LOGIN")) {
            login(session, st, initial);
        } else {
            xoauth2(session, st, initial);
        }
    }

    private void login(Session session, SessionState st, String initial) throws IOException {
        Optional<String> user = initial != null ? Optional.of(initial)
                : prompt(session, st, ProtocolReplies.USERNAME_PROMPT, AuthTranscript::userName);
        if (user.isEmpty()) {
            return;
        }
        Optional<String> userText = decode(session, st, user.get());
        if (userText.isEmpty()) {
            return;
        }
        Optional<String> password = prompt(session, st, ProtocolReplies.PASSWORD_PROMPT, a -> AuthTranscript.MASK);
        if (password.isEmpty()) {
            return;
        }
        Optional<String> passwordText = decode(session, st, password.get());
        if (passwordText.isEmpty()) {
            return;
        }
        AuthResult result = ctx.policy.authenticateLogin(userText.get(), passwordText.get(), st.clientAddress(),
                ctx.endpoint);
        finish(session, st, userText.get(), "LOGIN", result);
    }

    private void xoauth2(Session session, SessionState st, String initial) throws IOException {
        Optional<String> response = initial != null ? Optional.of(initial)
                : prompt(session, st, ProtocolReplies.CONTINUE_PROMPT, AuthTranscript::xoauth2);
        if (response.isEmpty()) {
            return;
        }
        Optional<String> text = decode(session, st, response.get());
        if (text.isEmpty()) {
            return;
        }
        Xoauth2 parsed = Xoauth2.parse(text.get());
        if (parsed.malformed() != null) {
            String sent = ctx.reply(session, st, parsed.malformed());
            ctx.publish(new LabEvent.AuthAttempted(ctx.now(), st.id, parsed.user() == null ? "" : parsed.user(),
                    "XOAUTH2", false, sent));
            return;
        }
        AuthResult result = ctx.policy.authenticateToken(parsed.user(), parsed.token(), st.clientAddress(),
                (address, hash) -> ctx.store.mailboxes().hasValidToken(address, hash, ctx.now()), ctx.endpoint);
        finish(session, st, parsed.user(), "XOAUTH2", result);
    }

    /**
     * The XOAUTH2 initial response as Exchange reads it: {@code user=ADDRESS^Aauth=Bearer TOKEN^A^A}, exactly
     * those two fields in that order, each ended by ^A (0x01), and a final ^A. {@code malformed} is the 501 for
     * anything else (null when well formed).
     */
    record Xoauth2(String user, String token, String malformed) {

        static Xoauth2 parse(String text) {
            if (!text.endsWith("\u0001\u0001")) {
                return new Xoauth2(null, null, Replies.XOAUTH2_INVALID_FORMAT);
            }
            String[] fields = text.substring(0, text.length() - 2).split("\u0001", -1);
            if (fields.length != 2) {
                return new Xoauth2(null, null, Replies.XOAUTH2_INVALID_FORMAT);
            }
            if (!fields[0].startsWith("user=") || fields[0].length() == 5) {
                return new Xoauth2(null, null, Replies.XOAUTH2_INVALID_USER);
            }
            String user = fields[0].substring(5);
            if (!fields[1].regionMatches(true, 0, "auth=Bearer ", 0, 12) || fields[1].substring(12).isBlank()) {
                return new Xoauth2(user, null, Replies.XOAUTH2_INVALID_TOKEN);
            }
            return new Xoauth2(user, fields[1].substring(12).trim(), null);
        }
    }

    private void finish(Session session, SessionState st, String user, String mechanism, AuthResult result)
            throws IOException {
        if (result.success()) {
            // Before the 235: a client that saw it may open its next connection at once, and a full table must
            // then count this one as authenticated (not shed it as an idle unauthenticated one).
            st.socket.deadlines().authenticated();
        }
        String sent = ctx.reply(session, st, result.reply());
        if (result.success()) {
            st.mailbox = result.mailbox().get().address();
            st.lastAuthFailure = null;
            ctx.transactions.authenticated(st);
        } else {
            st.lastAuthFailure = result.reply();
        }
        ctx.publish(new LabEvent.AuthAttempted(ctx.now(), st.id, user, mechanism, result.success(), sent));
    }

    /**
     * Sends a 334 prompt and reads the answer, which goes into the transcript as {@code shown} says;
     * empty when the client cancelled or went away.
     */
    private Optional<String> prompt(Session session, SessionState st, String prompt,
            java.util.function.UnaryOperator<String> shown) throws IOException {
        ctx.reply(session, st, prompt);
        String answer = session.getReader().readLine();
        if (answer == null) {
            session.quit();
            return Optional.empty();
        }
        ctx.clientLine(st, answer.trim().equals("*") ? "*" : shown.apply(answer.trim()));
        if (answer.trim().equals("*")) {
            ctx.reply(session, st, ProtocolReplies.AUTH_CANCELLED);
            return Optional.empty();
        }
        return Optional.of(answer.trim());
    }

    private Optional<String> decode(Session session, SessionState st, String base64) throws IOException {
        if (base64.equals("=")) {
            return Optional.of(""); // RFC 4954: "=" is a zero-length response
        }
        try {
            return Optional.of(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            ctx.reply(session, st, ProtocolReplies.BAD_BASE64);
            return Optional.empty();
        }
    }
}
