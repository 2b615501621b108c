package org.submitlab.ui.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.submitlab.sim.Device;
import org.submitlab.sim.DeviceKind;
import org.submitlab.sim.RetryPolicy;
import org.submitlab.sim.Scenario;

/**
 * The scenario the console will start, with the devices the user added, edited or removed.
 * Immutable: each edit gives a new draft.
 */
public record ScenarioDraft(Scenario scenario) {

    /** Retry behaviours a user can pick for a device. */
    public enum RetryChoice {
        AS_DEFINED("As the scenario defines it"),
        NONE("Never retry (many printers)"),
        FIXED_60S("Retry after 60 s, up to 5 attempts"),
        POSTFIX("Postfix: 300 s doubling to 4,000 s, 5 days");

        private final String label;

        RetryChoice(String label) {
            this.label = label;
        }

        Optional<RetryPolicy> policy() {
            return switch (this) {
                case AS_DEFINED -> Optional.empty();
                case NONE -> Optional.of(RetryPolicy.none());
                case FIXED_60S -> Optional.of(RetryPolicy.fixed(java.time.Duration.ofSeconds(60), 0.2, 5));
                case POSTFIX -> Optional.of(RetryPolicy.postfix());
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What the edit dialog changes on a device. */
    public record Edit(String name, DeviceKind kind, String mailbox, String password, RetryChoice retry) {
    }

    public List<Device> devices() {
        return scenario.devices();
    }

    public Optional<Device> device(String name) {
        return devices().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public List<DeviceRow> rows() {
        return devices().stream().map(d -> DeviceRow.notStarted(d.name(), d.kind().id(), d.mailbox())).toList();
    }

    public List<String> mailboxes() {
        return scenario.mailboxes().stream().map(m -> m.address()).toList();
    }

    public ScenarioDraft remove(String name) {
        List<Device> list = new ArrayList<>(devices());
        list.removeIf(d -> d.name().equals(name));
        return with(list);
    }

    /** A copy of {@code template} changed by {@code edit}, added at the end. */
    public ScenarioDraft add(Device template, Edit edit) {
        check(edit, null);
        List<Device> list = new ArrayList<>(devices());
        list.add(apply(template, edit));
        return with(list);
    }

    public ScenarioDraft replace(String name, Edit edit) {
        check(edit, name);
        List<Device> list = new ArrayList<>(devices());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                list.set(i, apply(list.get(i), edit));
            }
        }
        return with(list);
    }

    private void check(Edit edit, String editing) {
        if (edit.name() == null || edit.name().isBlank()) {
            throw new IllegalArgumentException("a device needs a name");
        }
        if (devices().stream().anyMatch(d -> d.name().equalsIgnoreCase(edit.name().trim()) && !d.name().equals(editing))) {
            throw new IllegalArgumentException("there is already a device named " + edit.name().trim());
        }
        String mailbox = org.submitlab.policy.Mailbox.normalize(edit.mailbox());
        if (!mailboxes().contains(mailbox)) {
            throw new IllegalArgumentException(mailbox + " is not a mailbox of this scenario; choose one of "
                    + String.join(", ", mailboxes()));
        }
    }

    private Device apply(Device d, Edit e) {
        String mailbox = org.submitlab.policy.Mailbox.normalize(e.mailbox());
        boolean loginWasMailbox = d.login().equalsIgnoreCase(d.mailbox());
        boolean fromWasMailbox = d.from().equalsIgnoreCase(d.mailbox());
        Optional<String> password = d.password();
        if (e.password() != null && !e.password().isEmpty()) {
            password = Optional.of(e.password());
        } else if (!mailbox.equals(d.mailbox()) && d.token().isEmpty()) {
            password = scenario.mailboxes().stream().filter(m -> m.address().equalsIgnoreCase(mailbox))
                    .map(m -> m.password()).filter(p -> p != null && !p.isEmpty()).findFirst().or(() -> d.password());
        }
        return new Device(e.name().trim(), e.kind(), mailbox, loginWasMailbox ? mailbox : d.login(), password,
                d.token(), fromWasMailbox ? mailbox : d.from(), d.fromName(), d.recipients(), d.message(),
                d.schedule(), d.connection(), e.retry().policy().orElse(d.retry()), d.perRecipient(), d.uploadKbps(),
                d.endpoint());
    }

    private ScenarioDraft with(List<Device> devices) {
        return new ScenarioDraft(scenario.withDevices(devices)); // keeps the scenario's relays and groups
    }
}
