package org.submitlab.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.submitlab.sim.Device;
import org.submitlab.sim.DeviceKind;
import org.submitlab.sim.RetryPolicy;
import org.submitlab.sim.Scenarios;

class ScenarioDraftTest {

    private final ScenarioDraft printers = new ScenarioDraft(Scenarios.preset("printers-sharing-mailbox"));
    private final Device first = printers.devices().get(0);

    private ScenarioDraft.Edit edit(String name, ScenarioDraft.RetryChoice retry) {
        return new ScenarioDraft.Edit(name, DeviceKind.SCANNER, "printer@contoso.test", "", retry);
    }

    @Test
    void addingCopiesTheTemplateUnderTheNewName() {
        ScenarioDraft d = printers.add(first, edit("scanner-1", ScenarioDraft.RetryChoice.NONE));

        assertThat(d.devices()).hasSize(printers.devices().size() + 1);
        Device added = d.device("scanner-1").orElseThrow();
        assertThat(added.kind()).isEqualTo(DeviceKind.SCANNER);
        assertThat(added.schedule()).isEqualTo(first.schedule());
        assertThat(added.password()).isEqualTo(first.password());
        assertThat(added.retry()).isEqualTo(RetryPolicy.none());
    }

    @Test
    void editingKeepsWhatTheDialogDoesNotChange() {
        ScenarioDraft d = printers.replace(first.name(), edit("renamed", ScenarioDraft.RetryChoice.AS_DEFINED));

        assertThat(d.device(first.name())).isEmpty();
        assertThat(d.device("renamed").orElseThrow().retry()).isEqualTo(first.retry());
        assertThat(d.devices()).hasSameSizeAs(printers.devices());
    }

    @Test
    void editingAScenarioWithARelayOrAGroupKeepsThem() {
        ScenarioDraft relayed = new ScenarioDraft(Scenarios.preset("alert-storm-relay"));
        ScenarioDraft grouped = new ScenarioDraft(Scenarios.preset("newsletter-distribution-group"));
        assertThat(relayed.scenario().relays()).isNotEmpty();
        assertThat(grouped.scenario().groups()).isNotEmpty();

        assertThat(relayed.remove(relayed.devices().get(0).name()).scenario().relays())
                .isEqualTo(relayed.scenario().relays());
        assertThat(grouped.remove(grouped.devices().get(0).name()).scenario().groups())
                .isEqualTo(grouped.scenario().groups());
    }

    @Test
    void removingDropsOnlyThatDevice() {
        ScenarioDraft d = printers.remove(first.name());

        assertThat(d.devices()).hasSize(printers.devices().size() - 1).noneMatch(x -> x.name().equals(first.name()));
        assertThat(printers.devices()).contains(first);
    }

    @Test
    void duplicateNamesAndForeignMailboxesAreRefused() {
        String other = printers.devices().get(1).name();

        assertThatThrownBy(() -> printers.replace(first.name(), edit(other, ScenarioDraft.RetryChoice.NONE)))
                .hasMessageContaining("already a device named");
        assertThatThrownBy(() -> printers.add(first, new ScenarioDraft.Edit("x", DeviceKind.APP,
                "someone@else.test", "", ScenarioDraft.RetryChoice.NONE)))
                .hasMessageContaining("not a mailbox of this scenario");
    }
}
