package org.submitlab.app.explain;

import java.util.List;
import java.util.Locale;

/**
 * One reply of the behaviour spec with what a helpdesk needs to know about it.
 *
 * @param code      basic code
 * @param enhanced  enhanced code ("" for replies without one, such as 354)
 * @param marker    words that tell this reply from others with the same codes (lower case; "" matches any)
 * @param reply     the reply as Exchange sends it (without suffix)
 * @param title     a short name for it
 * @param cause     why a device gets it, in plain words
 * @param phase     when Exchange gives it (banner, EHLO, STARTTLS, AUTH, MAIL FROM, RCPT TO, DATA, end of DATA, …)
 * @param retry     whether the device should try again
 * @param retryWhen when (or why not), in plain words
 * @param remedies  what the device's owner can do (the announcement's remedies where they apply)
 * @param look      where in SubmitLab to look
 */
public record KnownReply(int code, String enhanced, String marker, String reply, String title, String cause,
        String phase, boolean retry, String retryWhen, List<String> remedies, List<String> look) {

    public KnownReply {
        remedies = List.copyOf(remedies);
        look = List.copyOf(look);
        marker = marker.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code r} is this reply; {@code lowerText} is its text in lower case (computed once per paste). */
    boolean matches(PastedReply r, String lowerText) {
        if (r.code().isPresent() && r.code().get() != code) {
            return false;
        }
        if (r.code().isEmpty() && (enhanced.isEmpty() || r.enhanced().isEmpty())) {
            return false;
        }
        if (!enhanced.isEmpty() && r.enhanced().isPresent() && !r.enhanced().get().equals(enhanced)) {
            return false;
        }
        if (!enhanced.isEmpty() && r.enhanced().isEmpty() && !lowerText.contains(enhanced)) {
            return false;
        }
        return lowerText.contains(marker);
    }

    /** How specific the match is: entries with longer markers win over generic ones of the same codes. */
    int specificity() {
        return marker.length() + (enhanced.isEmpty() ? 0 : 1000);
    }
}
