package org.submitlab.sim;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A mailbox a scenario creates on an embedded server before its devices start. */
public record ScenarioMailbox(String address, String displayName, String password,
        Optional<Integer> recipientsPerDay, Set<String> sendAs, boolean saveToSentItems, List<String> tokens) {

    public ScenarioMailbox {
        sendAs = Set.copyOf(sendAs);
        tokens = List.copyOf(tokens);
    }
}
