package org.submitlab.policy;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live tenant: its settings and mailboxes, read by SMTP threads and changed by the console at
 * any time. Every read sees one consistent {@link TenantSettings} or {@link Mailbox} value.
 */
public final class Tenant {

    private volatile TenantSettings settings;
    private final ConcurrentHashMap<String, Mailbox> mailboxes = new ConcurrentHashMap<>();

    public Tenant(TenantSettings settings, Collection<Mailbox> mailboxes) {
        this.settings = settings;
        mailboxes.forEach(this::putMailbox);
    }

    public static Tenant empty() {
        return new Tenant(TenantSettings.defaults(), List.of());
    }

    public TenantSettings settings() {
        return settings;
    }

    public void updateSettings(TenantSettings s) {
        this.settings = s;
    }

    public Limits limits() {
        return settings.limits();
    }

    /** The mailbox with this address (any case); empty for unknown or malformed addresses. */
    public Optional<Mailbox> mailbox(String address) {
        if (address == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mailboxes.get(Mailbox.normalize(address)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** All mailboxes, by address. */
    public List<Mailbox> mailboxes() {
        return mailboxes.values().stream().sorted(Comparator.comparing(Mailbox::address)).toList();
    }

    public void putMailbox(Mailbox m) {
        mailboxes.put(m.address(), m);
    }

    public boolean removeMailbox(String address) {
        return mailbox(address).map(m -> mailboxes.remove(m.address()) != null).orElse(false);
    }

    /** Replaces everything at once (after loading from the store). */
    public void replaceAll(TenantSettings s, Collection<Mailbox> all) {
        settings = s;
        mailboxes.clear();
        all.forEach(this::putMailbox);
    }

    public int recipientsPerDay(Mailbox m) {
        return m.recipientsPerDay().orElse(limits().recipientsPerDay());
    }

    public long quotaBytes(Mailbox m) {
        return m.quotaBytes().orElse(limits().quotaBytes());
    }

    public long sendLimitBytes(Mailbox m) {
        return m.sendLimitBytes().orElse(limits().sendLimitBytes());
    }

    /** The mailbox's SMTP AUTH switch if set, else the tenant's. */
    public boolean smtpAuthEnabled(Mailbox m) {
        return m.smtpAuthEnabled().orElse(settings.smtpAuthEnabled());
    }
}
