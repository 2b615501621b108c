package org.submitlab.app.explain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply line as a helpdesk gets it: pasted from a device's log, often inside a client's wrapper
 * (nodemailer's {@code Error: Message failed: …}, Python's {@code SMTPDataError: (432, b'…')}, Postfix's
 * {@code said: … (in reply to end of DATA command)}, an NDR's {@code Remote server returned '…'}), with or
 * without Microsoft's bracketed diagnostic suffix.
 *
 * @param reply     the reply as the server sent it, without wrapper and suffix (e.g. "432 4.3.2 Concurrent …")
 * @param code      the basic code, e.g. 432; empty when the text has none
 * @param enhanced  the enhanced status code, e.g. "4.3.2"; empty when absent
 * @param text      the reply's words after the codes
 * @param wrapper   which client wrapped it ("nodemailer", "python", "postfix", "ndr"), or empty
 * @param phase     the phase the wrapper names ("end of DATA", "RCPT TO", …), or empty
 * @param suffix    Microsoft's suffix: host, UTC time and session id, when present
 */
public record PastedReply(String reply, Optional<Integer> code, Optional<String> enhanced, String text,
        Optional<String> wrapper, Optional<String> phase, Optional<Suffix> suffix) {

    /** {@code [HOST 2025-01-26T18:54:30.055Z 08DD3DD7D75D7743]}. */
    public record Suffix(String host, String time, String sessionId) {
    }

    private static final Pattern PYTHON = Pattern.compile(
            "SMTP\\w*(?:Error|Exception)\\w*: \\((\\d{3}), b?['\"](.*?)['\"]\\)", Pattern.DOTALL);
    private static final Pattern POSTFIX = Pattern.compile(
            "said: (.*?)\\s*\\(in reply to (.+?)(?: command)?\\)", Pattern.DOTALL);
    private static final Pattern NDR = Pattern.compile("Remote server returned '(.*)'", Pattern.DOTALL);
    private static final Pattern NODEMAILER = Pattern.compile("(?:Error: )?Message failed: (.*)", Pattern.DOTALL);
    private static final Pattern REPLY = Pattern.compile("(?<![\\d.])([2-5]\\d\\d)(?:[ -]|$)(?:([245]\\.\\d{1,3}\\.\\d{1,3})(?: |$))?");
    private static final Pattern ENHANCED_ONLY = Pattern.compile("(?<![\\d.])([245]\\.\\d{1,3}\\.\\d{1,3})(?: |$)");
    private static final Pattern SUFFIX = Pattern.compile(
            "\\s*\\[(\\S+) (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z) ([0-9A-Fa-f]+)]\\s*$");

    /** Finds the reply inside {@code pasted}; never fails (an unrecognisable text has no code). */
    public static PastedReply parse(String pasted) {
        String s = pasted == null ? "" : pasted.strip().replace("\\r\\n", " ").replace("\\n", " ");
        Optional<String> wrapper = Optional.empty();
        Optional<String> phase = Optional.empty();
        Matcher m;
        if ((m = PYTHON.matcher(s)).find()) {
            wrapper = Optional.of("python");
            s = m.group(1) + " " + m.group(2);
        } else if ((m = POSTFIX.matcher(s)).find()) {
            wrapper = Optional.of("postfix");
            phase = Optional.of(m.group(2).strip());
            s = m.group(1);
        } else if ((m = NDR.matcher(s)).find()) {
            wrapper = Optional.of("ndr");
            s = m.group(1);
        } else if ((m = NODEMAILER.matcher(s)).find()) {
            wrapper = Optional.of("nodemailer");
            s = m.group(1);
        }
        s = s.replaceAll("\\s+", " ").strip();
        Optional<Suffix> suffix = Optional.empty();
        Matcher sx = SUFFIX.matcher(s);
        if (sx.find()) {
            suffix = Optional.of(new Suffix(sx.group(1), sx.group(2), sx.group(3)));
            s = s.substring(0, sx.start()).strip();
        }
        Matcher r = REPLY.matcher(s);
        if (r.find()) {
            String reply = s.substring(r.start()).strip();
            Optional<String> enhanced = Optional.ofNullable(r.group(2));
            String text = reply.substring(Math.min(reply.length(), r.end() - r.start())).strip();
            return new PastedReply(reply, Optional.of(Integer.parseInt(r.group(1))), enhanced, text, wrapper, phase,
                    suffix);
        }
        Matcher e = ENHANCED_ONLY.matcher(s);
        if (e.find()) {
            String reply = s.substring(e.start()).strip();
            return new PastedReply(reply, Optional.empty(), Optional.of(e.group(1)),
                    reply.substring(Math.min(reply.length(), e.end() - e.start())).strip(), wrapper, phase, suffix);
        }
        return new PastedReply(s, Optional.empty(), Optional.empty(), s, wrapper, phase, suffix);
    }
}
