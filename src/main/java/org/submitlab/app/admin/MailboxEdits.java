package org.submitlab.app.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.submitlab.policy.ClientNetwork;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.Settings;

/**
 * The changes an admin makes to a mailbox, each read from text as the CLI and the console take it and
 * checked when read: a value that does not parse or is out of range is refused with its reason, never
 * clamped, and nothing is saved (see {@link MailboxAdmin#update}).
 */
public final class MailboxEdits {

    private MailboxEdits() {
    }

    /** {@code on}, {@code off}, or {@code tenant} (follow the tenant's switch). */
    public static UnaryOperator<Mailbox> smtpAuth(String text) {
        Optional<Boolean> v = switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "on" -> Optional.of(true);
            case "off" -> Optional.of(false);
            case "tenant" -> Optional.empty();
            default -> throw new IllegalArgumentException("SMTP AUTH must be on, off or tenant, was '" + text + "'");
        };
        return m -> m.withSmtpAuthEnabled(v);
    }

    /** 1 to 10,000, or {@code tenant}. */
    public static UnaryOperator<Mailbox> recipientsPerDay(String text) {
        Optional<Integer> v = tenantOr(text, () -> Settings.RECIPIENTS_PER_DAY.parse(text));
        return m -> m.withRecipientsPerDay(v);
    }

    /** The addresses the mailbox may send as, instead of the ones it has; none for an empty list. */
    public static UnaryOperator<Mailbox> sendAs(List<String> addresses) {
        Set<String> grants = new TreeSet<>();
        for (String a : addresses) {
            grants.add(Mailbox.normalize(a));
        }
        return m -> {
            if (grants.contains(m.address())) {
                throw new IllegalArgumentException("a mailbox always sends as itself: no Send As grant for "
                        + m.address() + " to itself is needed");
            }
            return m.withSendAs(grants);
        };
    }

    /** {@code on} (keep a copy of every submission, as Exchange does) or {@code off}. */
    public static UnaryOperator<Mailbox> sentItems(String text) {
        boolean v = switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("Sent Items must be on or off, was '" + text + "'");
        };
        return m -> m.withSaveToSentItems(v);
    }

    /** Days to keep Sent Items (1 to 36,500), or {@code off} to keep them for ever. */
    public static UnaryOperator<Mailbox> retention(String text) {
        Optional<Duration> v;
        if (text.trim().equalsIgnoreCase("off")) {
            v = Optional.empty();
        } else {
            long days;
            try {
                days = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Sent Items retention must be a number of days or off, was '"
                        + text + "'");
            }
            if (days < 1 || days > 36_500) {
                throw new IllegalArgumentException("Sent Items retention must be between 1 and 36,500 days, was " + days);
            }
            v = Optional.of(Duration.ofDays(days));
        }
        return m -> m.withSentItemsRetention(v);
    }

    /** A size like 2GB or bytes, or {@code tenant}. */
    public static UnaryOperator<Mailbox> quota(String text) {
        Optional<Long> v = tenantOr(text, () -> Settings.QUOTA.parse(text));
        return m -> m.withQuotaBytes(v);
    }

    /** A size like 20MB or bytes, or {@code tenant}. */
    public static UnaryOperator<Mailbox> sendLimit(String text) {
        Optional<Long> v = tenantOr(text, () -> Settings.SEND_LIMIT.parse(text));
        return m -> m.withSendLimitBytes(v);
    }

    /** CIDRs separated by commas (IPv4 and IPv6), or {@code any}. */
    public static UnaryOperator<Mailbox> networks(String text) {
        List<ClientNetwork> nets = new ArrayList<>();
        if (!text.trim().equalsIgnoreCase("any")) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    nets.add(ClientNetwork.parse(part.trim()));
                }
            }
            if (nets.isEmpty()) {
                throw new IllegalArgumentException("client networks must be CIDRs like 192.168.1.0/24 or any, was '"
                        + text + "'");
            }
        }
        return m -> m.withAllowedNetworks(nets);
    }

    /** A new password (at least 8 characters, no control characters); only its hash is kept. */
    public static UnaryOperator<Mailbox> password(String secret) {
        Passwords.check(secret);
        String hash = org.submitlab.policy.PasswordHasher.hash(secret);
        return m -> m.withPasswordHash(hash);
    }

    /** A password SubmitLab makes for a device: 20 characters without look-alikes, in groups of five. */
    public static String newPassword() {
        return Passwords.generate();
    }

    public static UnaryOperator<Mailbox> displayName(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a display name must not be empty");
        }
        String name = text.trim();
        return m -> new Mailbox(m.address(), name, m.passwordHash(), m.smtpAuthEnabled(), m.recipientsPerDay(),
                m.sendAs(), m.saveToSentItems(), m.quotaBytes(), m.sendLimitBytes(), m.allowedNetworks(),
                m.sentItemsRetention());
    }

    private static <T> Optional<T> tenantOr(String text, java.util.function.Supplier<T> parse) {
        return text.trim().equalsIgnoreCase("tenant") ? Optional.empty() : Optional.of(parse.get());
    }
}
