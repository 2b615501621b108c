package org.submitlab.sim;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.submitlab.policy.DistributionGroup;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.Limits;
import org.submitlab.policy.Profile;
import org.submitlab.policy.TenantRules;

/**
 * A simulation: the mailboxes to create, the devices and what they send. The file format is
 * described in docs/scenarios.md; {@link Scenarios} loads it.
 *
 * @param duration       simulated time during which devices start new messages
 * @param drain          extra simulated time after {@code duration} for pending retries to finish
 * @param speed          suggested clock speed (simulated seconds per real second)
 * @param seed           makes random schedules, recipients and jitter repeatable
 * @param profile        the endpoint profile to apply on an embedded server; empty: the server's own
 * @param limits         the limits to apply on an embedded server; empty: the server's own
 * @param senderThreads  sender threads of the engine (bounded, whatever the number of devices)
 * @param rules          Exchange's 2026 rules to apply (basic auth, legacy TLS, Send As phase, ...); empty: the server's
 * @param relays         on-premises relays that devices hand their messages to ({@link Device#relay()})
 * @param groups         distribution groups to declare on an embedded server (one recipient each, copies to members)
 * @param captions       a trainer's narration: texts shown as a banner when the run's clock reaches them
 */
public record Scenario(String name, String description, Duration duration, Duration drain, double speed, long seed,
        Optional<Profile> profile, Optional<Limits> limits, List<ScenarioMailbox> mailboxes,
        Map<String, RecipientPool> pools, List<Device> devices, int senderThreads, Optional<TenantRules> rules,
        List<Relay> relays, List<DistributionGroup> groups, List<Caption> captions) {

    /** A line of narration, shown from {@code at} after the run's start ("the newsletter starts; watch the budget"). */
    public record Caption(Duration at, String text) {
    }

    /** A scenario without captions. */
    public Scenario(String name, String description, Duration duration, Duration drain, double speed, long seed,
            Optional<Profile> profile, Optional<Limits> limits, List<ScenarioMailbox> mailboxes,
            Map<String, RecipientPool> pools, List<Device> devices, int senderThreads, Optional<TenantRules> rules,
            List<Relay> relays, List<DistributionGroup> groups) {
        this(name, description, duration, drain, speed, seed, profile, limits, mailboxes, pools, devices, senderThreads,
                rules, relays, groups, List.of());
    }

    /** A scenario without relays or distribution groups. */
    public Scenario(String name, String description, Duration duration, Duration drain, double speed, long seed,
            Optional<Profile> profile, Optional<Limits> limits, List<ScenarioMailbox> mailboxes,
            Map<String, RecipientPool> pools, List<Device> devices, int senderThreads, Optional<TenantRules> rules) {
        this(name, description, duration, drain, speed, seed, profile, limits, mailboxes, pools, devices, senderThreads,
                rules, List.of(), List.of());
    }

    /** A scenario that leaves the 2026 rules as the server has them. */
    public Scenario(String name, String description, Duration duration, Duration drain, double speed, long seed,
            Optional<Profile> profile, Optional<Limits> limits, List<ScenarioMailbox> mailboxes,
            Map<String, RecipientPool> pools, List<Device> devices, int senderThreads) {
        this(name, description, duration, drain, speed, seed, profile, limits, mailboxes, pools, devices, senderThreads,
                Optional.empty());
    }

    public Scenario {
        rules = rules == null ? Optional.empty() : rules;
        mailboxes = List.copyOf(mailboxes);
        pools = Map.copyOf(pools);
        devices = List.copyOf(devices);
        relays = relays == null ? List.of() : List.copyOf(relays);
        groups = groups == null ? List.of() : List.copyOf(groups);
        captions = captions == null ? List.of() : captions.stream()
                .sorted(java.util.Comparator.comparing(Caption::at)).toList();
    }

    /** The caption to show {@code elapsed} after the start: the last one reached, if any. */
    public Optional<Caption> captionAt(Duration elapsed) {
        Caption shown = null;
        for (Caption c : captions) {
            if (c.at().compareTo(elapsed) <= 0) {
                shown = c;
            }
        }
        return Optional.ofNullable(shown);
    }

    /** The relay with this name. */
    public Relay relay(String relayName) {
        return relays.stream().filter(r -> r.name().equals(relayName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no relay named " + relayName));
    }

    /** The endpoints its devices and relays submit through (a run listens on each). */
    public Set<EndpointKind> endpoints() {
        Set<EndpointKind> kinds = EnumSet.of(EndpointKind.STANDARD);
        devices.stream().filter(d -> d.relay().isEmpty()).forEach(d -> kinds.add(d.endpoint()));
        relays.forEach(r -> kinds.add(r.endpoint()));
        return kinds;
    }

    public Scenario withDuration(Duration d) {
        return new Scenario(name, description, d, drain, speed, seed, profile, limits, mailboxes, pools, devices,
                senderThreads, rules, relays, groups, captions);
    }

    public Scenario withDrain(Duration d) {
        return new Scenario(name, description, duration, d, speed, seed, profile, limits, mailboxes, pools, devices,
                senderThreads, rules, relays, groups, captions);
    }

    public Scenario withSpeed(double s) {
        return new Scenario(name, description, duration, drain, s, seed, profile, limits, mailboxes, pools, devices,
                senderThreads, rules, relays, groups, captions);
    }

    /** The same scenario with other devices (its relays and groups kept: an editor should rebuild it this way). */
    public Scenario withDevices(List<Device> d) {
        return new Scenario(name, description, duration, drain, speed, seed, profile, limits, mailboxes, pools, d,
                senderThreads, rules, relays, groups, captions);
    }

    public Scenario withSeed(long s) {
        return new Scenario(name, description, duration, drain, speed, s, profile, limits, mailboxes, pools, devices,
                senderThreads, rules, relays, groups, captions);
    }

    public RecipientPool pool(String poolName) {
        RecipientPool p = pools.get(poolName);
        if (p == null) {
            throw new IllegalArgumentException("no recipient pool named " + poolName);
        }
        return p;
    }
}
