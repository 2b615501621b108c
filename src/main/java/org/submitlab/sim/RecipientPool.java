package org.submitlab.sim;

import java.util.List;

/** Named addresses that devices draw their recipients from. */
public record RecipientPool(String name, List<String> addresses) {

    public RecipientPool {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a recipient pool needs at least one address");
        }
    }
}
