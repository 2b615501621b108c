package org.submitlab.app.admin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.submitlab.policy.ClientNetwork;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.Tenant;

/**
 * A mailbox as an admin sees it: its own settings, what applies (its own or the tenant's), its Sent Items'
 * size and how many tokens it has. Never a password or a token.
 *
 * @param smtpAuth "on", "off" or "tenant" (follows the tenant's switch)
 */
public record MailboxView(String address, String displayName, String smtpAuth, boolean smtpAuthApplies,
        Optional<Integer> recipientsPerDay, int recipientsPerDayApplies, Set<String> sendAs, boolean saveToSentItems,
        Optional<Duration> retention, Optional<Long> quotaBytes, long quotaApplies, long sizeBytes,
        Optional<Long> sendLimitBytes, long sendLimitApplies, List<String> networks, int tokens) {

    static MailboxView of(Mailbox m, Tenant tenant, long size, int tokens) {
        return new MailboxView(m.address(), m.displayName(),
                m.smtpAuthEnabled().map(b -> b ? "on" : "off").orElse("tenant"), tenant.smtpAuthEnabled(m),
                m.recipientsPerDay(), tenant.recipientsPerDay(m), m.sendAs(), m.saveToSentItems(),
                m.sentItemsRetention(), m.quotaBytes(), tenant.quotaBytes(m), size, m.sendLimitBytes(),
                tenant.sendLimitBytes(m), m.allowedNetworks().stream().map(ClientNetwork::toString).toList(), tokens);
    }
}
