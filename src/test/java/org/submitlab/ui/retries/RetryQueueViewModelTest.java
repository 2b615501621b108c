package org.submitlab.ui.retries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryQueueViewModelTest {

    private static final Instant T0 = Instant.parse("2025-01-26T09:00:00Z");
    private static final String R432 = "432 4.3.2 Concurrent connections limit exceeded.";
    private final RetryQueueViewModel vm = new RetryQueueViewModel();

    @Test
    void retriesAreListedSoonestFirst() {
        vm.setRetries(List.of(
                new RetryRow("printer-2", "printer@contoso.test", "scan 2", 2, T0.plusSeconds(300), R432),
                new RetryRow("printer-1", "printer@contoso.test", "scan 1", 1, T0.plusSeconds(45), R432)));

        assertThat(vm.rows()).extracting(RetryRow::device).containsExactly("printer-1", "printer-2");
        assertThat(vm.summary(T0)).isEqualTo("2 retries queued, next in 45 s");
    }

    @Test
    void filterMatchesDeviceOrMailbox() {
        vm.setRetries(List.of(
                new RetryRow("printer-1", "printer@contoso.test", "a", 1, T0, R432),
                new RetryRow("alarm-1", "alerts@contoso.test", "b", 1, T0, R432)));

        vm.setFilter("ALERTS");
        assertThat(vm.rows()).extracting(RetryRow::device).containsExactly("alarm-1");
        vm.setFilter("printer-");
        assertThat(vm.rows()).extracting(RetryRow::device).containsExactly("printer-1");
        assertThat(vm.summary(T0)).endsWith("(1 shown)");
    }

    @Test
    void countdownSaysDueOnceTheTimeHasCome() {
        RetryRow row = new RetryRow("p", "m@x.test", "a", 3, T0.plusSeconds(125), R432);

        assertThat(RetryQueueViewModel.countdown(row, T0)).isEqualTo("2 m 05 s");
        assertThat(RetryQueueViewModel.countdown(row, T0.plusSeconds(200))).isEqualTo("due");
    }

    @Test
    void emptyQueueExplainsWhatWouldAppear() {
        assertThat(vm.summary(T0)).startsWith("No retries queued.");
    }
}
