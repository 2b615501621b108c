package org.submitlab.policy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A mailbox of the tenant and its settings. Empty optionals mean "as the tenant says".
 *
 * @param address           the primary SMTP address, lower case
 * @param passwordHash      PBKDF2 hash from {@link PasswordHasher}, never the password
 * @param smtpAuthEnabled   SmtpClientAuthenticationDisabled's inverse; empty: the tenant's switch applies
 * @param recipientsPerDay  RecipientLimitPerDay override (1 to 10,000)
 * @param sendAs            addresses this mailbox may send as, lower case
 * @param saveToSentItems   copy each submission to Sent Items (Exchange always does)
 * @param quotaBytes        mailbox quota override
 * @param sendLimitBytes    send limit override
 * @param allowedNetworks   client networks allowed to log in; empty list: everywhere
 * @param sentItemsRetention Sent Items older than this are removed; empty: kept forever
 */
public record Mailbox(
        String address,
        String displayName,
        String passwordHash,
        Optional<Boolean> smtpAuthEnabled,
        Optional<Integer> recipientsPerDay,
        Set<String> sendAs,
        boolean saveToSentItems,
        Optional<Long> quotaBytes,
        Optional<Long> sendLimitBytes,
        List<ClientNetwork> allowedNetworks,
        Optional<Duration> sentItemsRetention) {

    public Mailbox {
        address = normalize(address);
        if (displayName == null || displayName.isBlank()) {
            displayName = address.substring(0, address.indexOf('@'));
        }
        sendAs = sendAs.stream().map(Mailbox::normalize).collect(java.util.stream.Collectors.toUnmodifiableSet());
        allowedNetworks = List.copyOf(allowedNetworks);
        recipientsPerDay.ifPresent(Settings.RECIPIENTS_PER_DAY::check);
        quotaBytes.ifPresent(Settings.QUOTA::check);
        sendLimitBytes.ifPresent(Settings.SEND_LIMIT::check);
    }

    /** A mailbox with default settings and the given password. */
    public static Mailbox create(String address, String displayName, String password) {
        return new Mailbox(address, displayName, PasswordHasher.hash(password), Optional.empty(), Optional.empty(),
                Set.of(), true, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /** Lower-cases and checks an address of the form local@domain. */
    public static String normalize(String address) {
        if (address == null) {
            throw new IllegalArgumentException("mailbox address is missing");
        }
        String a = address.trim().toLowerCase(Locale.ROOT);
        int at = a.indexOf('@');
        if (at <= 0 || at != a.lastIndexOf('@') || at == a.length() - 1 || a.contains(" ")) {
            throw new IllegalArgumentException("'" + address + "' is not an email address like printer@contoso.test");
        }
        return a;
    }

    /** Whether this mailbox may send with {@code from} as envelope sender or From header. */
    public boolean maySendAs(String from) {
        String f = from.trim().toLowerCase(Locale.ROOT);
        return f.equals(address) || sendAs.contains(f);
    }

    public Mailbox withPasswordHash(String hash) {
        return new Mailbox(address, displayName, hash, smtpAuthEnabled, recipientsPerDay, sendAs, saveToSentItems,
                quotaBytes, sendLimitBytes, allowedNetworks, sentItemsRetention);
    }

    public Mailbox withSmtpAuthEnabled(Optional<Boolean> enabled) {
        return new Mailbox(address, displayName, passwordHash, enabled, recipientsPerDay, sendAs, saveToSentItems,
                quotaBytes, sendLimitBytes, allowedNetworks, sentItemsRetention);
    }

    public Mailbox withRecipientsPerDay(Optional<Integer> n) {
        return new Mailbox(address, displayName, passwordHash, smtpAuthEnabled, n, sendAs, saveToSentItems,
                quotaBytes, sendLimitBytes, allowedNetworks, sentItemsRetention);
    }

    public Mailbox withSendAs(Set<String> grants) {
        return new Mailbox(address, displayName, passwordHash, smtpAuthEnabled, recipientsPerDay, grants,
                saveToSentItems, quotaBytes, sendLimitBytes, allowedNetworks, sentItemsRetention);
    }

    public Mailbox withSaveToSentItems(boolean save) {
        return new Mailbox(address, displayName, passwordHash, smtpAuthEnabled, recipientsPerDay, sendAs, save,
                quotaBytes, sendLimitBytes, allowedNetworks, sentItemsRetention);
    }

    public Mailbox withQuotaBytes(Optional<Long> quota) {
        return new Mailbox(address, displayName, passwordHash, smtpAuthEnabled, recipientsPerDay, sendAs,
                saveToSentItems, quota, sendLimitBytes, allowedNetworks, sentItemsRetention);
    }

    public Mailbox withSendLimitBytes(Optional<Long> limit) {
        return new Mailbox(address, displayName, passwordHash, smtpAuthEnabled, recipientsPerDay, sendAs,
                saveToSentItems, quotaBytes, limit, allowedNetworks, sentItemsRetention);
    }

    public Mailbox withAllowedNetworks(List<ClientNetwork> networks) {
        return new Mailbox(address, displayName, passwordHash, smtpAuthEnabled, recipientsPerDay, sendAs,
                saveToSentItems, quotaBytes, sendLimitBytes, networks, sentItemsRetention);
    }

    public Mailbox withSentItemsRetention(Optional<Duration> retention) {
        return new Mailbox(address, displayName, passwordHash, smtpAuthEnabled, recipientsPerDay, sendAs,
                saveToSentItems, quotaBytes, sendLimitBytes, allowedNetworks, retention);
    }
}
