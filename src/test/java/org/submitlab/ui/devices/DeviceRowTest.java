package org.submitlab.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceRowTest {

    private static DeviceRow row(String state, long gaveUp, String lastReply) {
        return new DeviceRow("monitoring", "app", "alerts@contoso.test", state, 50, 31, 19, 0, gaveUp, 0, lastReply);
    }

    @Test
    void aDeviceThatLostMessagesSaysSoWhateverItsLastReply() {
        assertThat(row("DONE", 19, "250 2.0.0 OK <x> [Hostname=h]").stateText()).isEqualTo("done, 19 lost");
    }

    @Test
    void aDeviceWithoutLossesReadsItsStateOnly() {
        assertThat(row("WAITING_TO_RETRY", 0, "432 4.3.2 x").stateText()).isEqualTo("waiting to retry");
        assertThat(row("GAVE_UP", 3, "554 5.2.0 x").stateText()).isEqualTo("gave up");
    }
}
