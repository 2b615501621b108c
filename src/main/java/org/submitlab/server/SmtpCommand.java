package org.submitlab.server;

import java.io.IOException;
import java.util.Locale;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.Session;

/**
 * One SMTP verb, registered with SubEthaSMTP's command handler in place of the library's own
 * (CommandHandler.addCommand puts by name, so it replaces the built-in one).
 */
abstract class SmtpCommand implements Command {

    private final String name;
    protected final ServerContext ctx;

    SmtpCommand(String name, ServerContext ctx) {
        this.name = name;
        this.ctx = ctx;
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public HelpMessage getHelp() {
        return new HelpMessage(name, "");
    }

    @Override
    public final void execute(String line, Session session) throws IOException, DropConnectionException {
        SessionState st = ctx.state(session);
        ctx.clientLine(st, transcriptText(line));
        // The idle timeout is read per command, so a changed setting applies to open connections too.
        session.getSocket().setSoTimeout((int) Math.min(Integer.MAX_VALUE,
                ctx.tenant.limits().idleTimeout().toMillis()));
        handle(line, session, st);
    }

    /** The line as it goes into the transcript (secrets masked). */
    String transcriptText(String line) {
        return line;
    }

    abstract void handle(String line, Session session, SessionState st) throws IOException;

    /** What follows the verb, trimmed ("" when nothing does). */
    static String argument(String line) {
        String trimmed = line.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? "" : trimmed.substring(space + 1).trim();
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** Control characters (NUL included) have no place in a command line. */
    static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
