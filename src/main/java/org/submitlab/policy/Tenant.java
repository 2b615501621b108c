package org.submitlab.policy;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live tenant: its settings and mailboxes, read by SMTP threads and changed by the console at
 * any time. Every read sees one consistent {@link TenantSettings} or {@link Mailbox} value.
 */
public final class Tenant {

    private volatile TenantSettings settings;
    /** Copy-on-write: admin changes are rare, reads are on every AUTH and MAIL FROM, and a reload swaps it whole. */
    private volatile Map<String, Mailbox> mailboxes = Map.of();
    /** The accepted domains: those of the mailboxes, kept with every swap of {@link #mailboxes}. */
    private volatile Set<String> domains = Set.of();
    /** Copy-on-write like the mailboxes; declared by a run's scenario, not loaded from the store. */
    private volatile Map<String, DistributionGroup> groups = Map.of();

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

    public synchronized void putMailbox(Mailbox m) {
        Map<String, Mailbox> next = new HashMap<>(mailboxes);
        next.put(m.address(), m);
        mailboxes = Map.copyOf(next);
        domains = domainsOf(mailboxes);
    }

    public synchronized boolean removeMailbox(String address) {
        Optional<Mailbox> m = mailbox(address);
        if (m.isEmpty()) {
            return false;
        }
        Map<String, Mailbox> next = new HashMap<>(mailboxes);
        next.remove(m.get().address());
        mailboxes = Map.copyOf(next);
        domains = domainsOf(mailboxes);
        return true;
    }

    /**
     * Replaces everything at once (after loading from the store): a reader sees the old tenant or the new
     * one, never a tenant without mailboxes. Returns whether anything changed.
     */
    public synchronized boolean replaceAll(TenantSettings s, Collection<Mailbox> all) {
        Map<String, Mailbox> next = new HashMap<>();
        all.forEach(m -> next.put(m.address(), m));
        boolean changed = !s.equals(settings) || !next.equals(mailboxes);
        settings = s;
        mailboxes = Map.copyOf(next);
        domains = domainsOf(mailboxes);
        return changed;
    }

    /** Adds or replaces a distribution group; an address that is a mailbox cannot also be a group. */
    public synchronized void putGroup(DistributionGroup g) {
        if (mailboxes.containsKey(g.address())) {
            throw new IllegalArgumentException(g.address() + " is a mailbox; a distribution group needs an address of its own");
        }
        Map<String, DistributionGroup> next = new HashMap<>(groups);
        next.put(g.address(), g);
        groups = Map.copyOf(next);
    }

    /** The distribution group with this address (any case); empty when it is none. */
    public Optional<DistributionGroup> group(String address) {
        if (address == null || groups.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(groups.get(Mailbox.normalize(address)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** All distribution groups, by address. */
    public List<DistributionGroup> groups() {
        return groups.values().stream().sorted(Comparator.comparing(DistributionGroup::address)).toList();
    }

    /**
     * Where copies of a message to these envelope recipients go: each recipient, a distribution group replaced by
     * its members (each address once, in order).
     */
    public List<String> expandGroups(List<String> recipients) {
        if (groups.isEmpty()) {
            return recipients;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String r : recipients) {
            Optional<DistributionGroup> g = group(r);
            if (g.isPresent()) {
                out.addAll(g.get().members());
            } else {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /** The tenant's accepted domains (lower case): by default the domains of its mailboxes. */
    public Set<String> acceptedDomains() {
        return domains;
    }

    /** Whether {@code address} is outside the tenant's accepted domains (an external recipient). */
    public boolean isExternal(String address) {
        if (address == null) {
            return true;
        }
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
        return !domains.contains(domain);
    }

    private static Set<String> domainsOf(Map<String, Mailbox> all) {
        Set<String> d = new HashSet<>();
        for (String address : all.keySet()) {
            d.add(address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(d);
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
