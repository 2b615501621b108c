package org.submitlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.EndpointKind;

/** The devices' record of accepted transactions lives in a file, and none is lost when the file fails. */
class AcceptedLedgerTest {

    @TempDir
    Path dir;

    private static List<AcceptedSubmission> transactions(int n) {
        List<AcceptedSubmission> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> envelope = i % 3 == 0 ? List.of("user" + i + "@contoso.test")
                    : List.of("a" + i + "@contoso.test", "b" + i + "@fabrikam.test");
            EndpointKind endpoint = i % 7 == 0 ? EndpointKind.HVE : EndpointKind.STANDARD;
            list.add(new AcceptedSubmission("office" + i % 5 + "@contoso.test", "<sim-ab12.dev-" + i + ".1@contoso.test>",
                    envelope, endpoint));
        }
        return list;
    }

    @Test
    void whatIsAddedIsReadBackInOrderFromTheFile() throws Exception {
        Path file = dir.resolve("accepted.log");
        AcceptedLedger ledger = new AcceptedLedger(file);
        List<AcceptedSubmission> added = transactions(1_300); // more than two chunks and a part

        added.forEach(ledger::add);
        List<AcceptedSubmission> read = ledger.all();
        ledger.close();

        assertThat(read).containsExactlyElementsOf(added);
        assertThat(Files.readAllLines(file)).hasSize(1_300);
        assertThat(ledger.all()).containsExactlyElementsOf(added);
    }

    @Test
    void whenTheFileCannotBeWrittenTheyAreKeptInMemory() {
        AcceptedLedger ledger = new AcceptedLedger(dir.resolve("no-such-folder").resolve("accepted.log"));
        List<AcceptedSubmission> added = transactions(700);

        added.forEach(ledger::add);

        assertThat(ledger.all()).containsExactlyElementsOf(added);
    }

    @Test
    void deletingRemovesTheFile() {
        Path file = dir.resolve("accepted.log");
        AcceptedLedger ledger = new AcceptedLedger(file);
        transactions(600).forEach(ledger::add);
        ledger.close();
        assertThat(file).exists();

        ledger.delete();

        assertThat(file).doesNotExist();
        assertThat(ledger.all()).isEmpty();
    }

    @Test
    void aTemporaryLedgerMakesItsFileOnlyWhenItHasSomethingToWrite() {
        AcceptedLedger ledger = AcceptedLedger.temporary();
        assertThat(ledger.all()).isEmpty();

        List<AcceptedSubmission> added = transactions(900);
        added.forEach(ledger::add);

        assertThat(ledger.all()).containsExactlyElementsOf(added);
        ledger.delete();
        assertThat(ledger.all()).isEmpty();
    }
}
