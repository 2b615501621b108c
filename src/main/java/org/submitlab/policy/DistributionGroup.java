package org.submitlab.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A distribution group of the tenant: one address that stands for its members. A submission addressed to it
 * names one envelope recipient, so it counts as one recipient against the sender's 24-hour recipient limit and
 * the recipients per message (spec section 5, remedy 2); the copies go to its members (Exchange expands a group
 * after submission, at delivery). Groups are declared by a run's scenario; they are not kept in the store.
 *
 * @param address  the group's address, in normal form
 * @param members  its members' addresses, in normal form, each once
 */
public record DistributionGroup(String address, String displayName, List<String> members) {

    public DistributionGroup {
        address = Mailbox.normalize(Objects.requireNonNull(address, "address"));
        displayName = displayName == null ? "" : displayName;
        LinkedHashSet<String> m = new LinkedHashSet<>();
        for (String member : members) {
            m.add(Mailbox.normalize(member));
        }
        if (m.isEmpty()) {
            throw new IllegalArgumentException("distribution group " + address + " needs at least one member");
        }
        if (m.contains(address)) {
            throw new IllegalArgumentException("distribution group " + address + " cannot be a member of itself");
        }
        members = List.copyOf(m);
    }
}
