package org.submitlab.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Exchange's timeline for basic authentication in SMTP AUTH (spec section 7): where a date falls on it, and
 * what the next step does to AUTH LOGIN. The console shows it beside the tenant's own setting.
 */
public final class BasicAuthTimeline {

    /** The first day after "the end of December 2026": existing tenants have it disabled by default. */
    public static final LocalDate DISABLED_BY_DEFAULT = LocalDate.of(2027, 1, 1);
    /** Microsoft announces the removal date in the second half of 2027; it is not known yet. */
    public static final String REMOVAL_ANNOUNCED = "a date Microsoft announces in the second half of 2027";

    /**
     * Where a date falls.
     *
     * @param exchangeDefault what Exchange gives an existing tenant that changed nothing, at that date
     * @param now             the phase in words
     * @param next            the next step in words, with its date where it is known
     * @param nextDate        the next step's date, when Microsoft has given one
     */
    public record Position(BasicAuth exchangeDefault, String now, String next, Optional<LocalDate> nextDate) {
    }

    private BasicAuthTimeline() {
    }

    public static Position at(Instant instant) {
        LocalDate day = instant.atZone(ZoneOffset.UTC).toLocalDate();
        if (day.isBefore(DISABLED_BY_DEFAULT)) {
            return new Position(BasicAuth.ENABLED, "Until the end of December 2026: basic authentication works "
                    + "where SMTP AUTH is on (unchanged)", "End of December 2026: disabled by default for existing "
                    + "tenants (an admin may turn it back on)", Optional.of(DISABLED_BY_DEFAULT));
        }
        return new Position(BasicAuth.DISABLED, "Since the end of December 2026: disabled by default for existing "
                + "tenants; an admin may turn it back on", "Removal on " + REMOVAL_ANNOUNCED
                + ": AUTH LOGIN gets 550 5.7.30 and no admin can turn it back on", Optional.empty());
    }

    /** What the step after {@code current} does, for a preview: the state and the reply AUTH LOGIN would get. */
    public static String preview(BasicAuth current) {
        BasicAuth next = current.next();
        if (next == current) {
            return "Basic authentication is removed: there is no further step. AUTH LOGIN gets "
                    + current.loginRefusal();
        }
        return "Next step: " + next.name().toLowerCase(Locale.ROOT) + ". AUTH LOGIN would get "
                + next.loginRefusal() + (next == BasicAuth.REMOVED ? " (final: it cannot be turned back on)"
                        : " (an admin may turn it back on)") + "; XOAUTH2 keeps working.";
    }
}
