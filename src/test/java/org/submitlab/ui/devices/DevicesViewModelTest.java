package org.submitlab.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevicesViewModelTest {

    private final DevicesViewModel vm = new DevicesViewModel();

    private static DeviceRow device(String name, String state, long accepted, long refused) {
        return new DeviceRow(name, "printer", "printer@contoso.test", state, accepted + refused, accepted, refused,
                0, 0, 0, "");
    }

    @Test
    void summaryCountsDevicesByStateAndAddsUpOutcomes() {
        vm.setRows(List.of(device("p-1", "SENDING", 3, 1), device("p-2", "WAITING_TO_RETRY", 1, 2),
                device("p-3", "WAITING_TO_RETRY", 0, 1), device("p-4", "GAVE_UP", 0, 4)));

        assertThat(vm.summary())
                .isEqualTo("4 devices: 1 sending, 2 waiting to retry, 1 gave up \u00b7 4 accepted, 8 refused");
    }

    @Test
    void filterMatchesNameMailboxStateOrKind() {
        vm.setRows(List.of(device("p-1", "SENDING", 0, 0), device("p-2", "GAVE_UP", 0, 0)));

        vm.setFilter("gave");
        assertThat(vm.rows()).extracting(DeviceRow::name).containsExactly("p-2");
        vm.setFilter("P-1");
        assertThat(vm.rows()).extracting(DeviceRow::name).containsExactly("p-1");
    }

    @Test
    void newDeviceGetsTheNextFreeNumber() {
        vm.setRows(List.of(device("printer-1", "IDLE", 0, 0), device("printer-2", "IDLE", 0, 0)));

        assertThat(vm.nextFreeName("printer-1")).isEqualTo("printer-3");
        assertThat(vm.nextFreeName("scanner")).isEqualTo("scanner-1");
    }

    @Test
    void noDevicesExplainsWhereTheyComeFrom() {
        assertThat(vm.summary()).startsWith("No devices. Pick a scenario");
    }
}
