package org.submitlab.ui.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientBudgetViewModelTest {

    private static final Instant NINE = Instant.parse("2025-01-26T09:00:00Z");
    private final RecipientBudgetViewModel vm = new RecipientBudgetViewModel(ZoneOffset.UTC);

    /** The spec's example: 5,000 at 09:00, 2,500 at 10:00 and 2,500 at 11:00. */
    private static BudgetRow specExample() {
        return new BudgetRow("printer@contoso.test", 10_000, 10_000, List.of(
                new BudgetRow.Use(NINE, 5_000),
                new BudgetRow.Use(NINE.plusSeconds(3600), 2_500),
                new BudgetRow.Use(NINE.plusSeconds(7200), 2_500)));
    }

    @Test
    void nextFreeNamesTheRecipientsLeavingTheWindowFirstAndWhen() {
        assertThat(vm.nextFree(specExample(), NINE.plusSeconds(7200))).isEqualTo("5,000 recipients free at Jan 27 09:00");
    }

    @Test
    void recipientsSentInTheSameMinuteFreeUpTogether() {
        BudgetRow row = new BudgetRow("m@x.test", 30, 10_000, List.of(
                new BudgetRow.Use(NINE.plusSeconds(5), 10), new BudgetRow.Use(NINE.plusSeconds(50), 10),
                new BudgetRow.Use(NINE.plusSeconds(70), 10)));

        assertThat(vm.nextFree(row, NINE.plusSeconds(86_000))).isEqualTo("20 recipients free at 09:00");
    }

    @Test
    void fullWindowBlocksTheMailboxUntilTheFirstEntryLeaves() {
        BudgetRow row = specExample();

        assertThat(row.blocked()).isTrue();
        assertThat(vm.blockedUntil(row)).contains(NINE.plusSeconds(86_400));
        assertThat(vm.status(row, NINE.plusSeconds(7200 + 60))).isEqualTo("Blocked until Jan 27 09:00 (in 21 h 59 m)");
    }

    @Test
    void overTheLimitAfterLoweringItWaitsForEnoughToLeave() {
        BudgetRow row = new BudgetRow("m@x.test", 3_000, 1_000, List.of(
                new BudgetRow.Use(NINE, 1_000), new BudgetRow.Use(NINE.plusSeconds(3600), 1_000),
                new BudgetRow.Use(NINE.plusSeconds(7200), 1_000)));

        assertThat(vm.blockedUntil(row)).contains(NINE.plusSeconds(7200 + 86_400));
    }

    @Test
    void statusOfAMailboxWithRoomShowsWhatIsFree() {
        BudgetRow row = new BudgetRow("m@x.test", 2_500, 10_000, List.of(new BudgetRow.Use(NINE, 2_500)));

        assertThat(vm.status(row, NINE)).isEqualTo("7,500 of 10,000 free");
        assertThat(vm.blockedUntil(row)).isEmpty();
    }

    @Test
    void hourlyBarsCoverTheLast24HoursEndingNow() {
        List<RecipientBudgetViewModel.HourBar> bars = vm.hourly(specExample(), NINE.plusSeconds(7200 + 600));

        assertThat(bars).hasSize(24);
        assertThat(bars.subList(21, 24)).extracting(RecipientBudgetViewModel.HourBar::recipients)
                .containsExactly(5_000L, 2_500L, 2_500L);
        assertThat(vm.hourLabel(bars.get(23))).isEqualTo("11:00");
    }

    @Test
    void emptyWindowSaysNothingWasSent() {
        assertThat(vm.nextFree(new BudgetRow("m@x.test", 0, 10_000, List.of()), NINE))
                .isEqualTo("Nothing sent in the last 24 hours");
    }

    @Test
    void aTimeOnTheDayShownHasNoDateAndOneOnAnotherDayHasIt() {
        BudgetRow row = new BudgetRow("m@x.test", 10_000, 10_000, List.of(new BudgetRow.Use(NINE, 10_000)));

        assertThat(vm.status(row, NINE.plusSeconds(86_000))).startsWith("Blocked until 09:00 ");
        assertThat(vm.status(row, NINE.plusSeconds(3600))).startsWith("Blocked until Jan 27 09:00 ");
    }
}
