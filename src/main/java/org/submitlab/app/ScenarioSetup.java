package org.submitlab.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.PasswordHasher;
import org.submitlab.policy.Settings;
import org.submitlab.policy.TenantSettings;
import org.submitlab.server.SubmissionServer;
import org.submitlab.sim.Scenario;
import org.submitlab.sim.ScenarioMailbox;
import org.submitlab.store.Store;

/** Prepares a run's own server for its scenario: its profile, limits and mailboxes (with their passwords and tokens). */
public final class ScenarioSetup {

    private ScenarioSetup() {
    }

    /**
     * Applies the scenario's profile, limits and 2026 rules (when it sets them), creates or replaces its mailboxes
     * and declares its distribution groups.
     */
    public static void apply(Scenario s, SubmissionServer server) {
        TenantSettings settings = server.tenant().settings();
        TenantSettings wanted = settings;
        if (s.profile().isPresent()) {
            wanted = wanted.with(Settings.PROFILE, s.profile().get());
        }
        if (s.limits().isPresent()) {
            wanted = wanted.withLimits(s.limits().get());
        }
        if (s.rules().isPresent()) {
            wanted = wanted.withRules(s.rules().get());
        }
        if (!wanted.equals(settings)) {
            server.updateSettings(wanted);
        }
        // PBKDF2 is slow on purpose: hash each distinct password once, not once per mailbox.
        Map<String, String> hashes = new HashMap<>();
        for (ScenarioMailbox m : s.mailboxes()) {
            String hash = hashes.computeIfAbsent(m.password(), PasswordHasher::hash);
            Mailbox mailbox = new Mailbox(m.address(), m.displayName(), hash, Optional.empty(), m.recipientsPerDay(),
                    m.sendAs(), m.saveToSentItems(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
            server.saveMailbox(mailbox);
        }
        s.groups().forEach(server::saveDistributionGroup);
    }

    /** Registers the scenario mailboxes' XOAUTH2 tokens (for devices that log in with a token). */
    public static void applyTokens(Scenario s, Store store) {
        for (ScenarioMailbox m : s.mailboxes()) {
            for (String token : m.tokens()) {
                store.mailboxes().addToken(m.address(), PasswordHasher.hashToken(token));
            }
        }
    }
}
