package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.submitlab.testing.MailClient;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --mailbox-file FILE}: passwords that never appear in the process list. */
class MailboxFileTest {

    @TempDir
    Path temp;

    private Path file(String permissions, String... lines) throws Exception {
        Path f = temp.resolve("mailboxes.txt");
        Files.write(f, List.of(lines));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
        return f;
    }

    @Test
    void everyMailboxInAPrivateFileCanLogIn() throws Exception {
        Path f = file("rw-------", "# devices of the second floor", "printer@contoso.test:Printer#2026", "",
                "scanner@contoso.test:Scan:ner 1");
        Path data = temp.resolve("data");
        try (ServeProcess serve = ServeProcess.start(data, "--mailbox-file", f.toString())) {
            try (MailClient printer = new MailClient(serve.host(), serve.port(), "printer@contoso.test", "Printer#2026");
                 MailClient scanner = new MailClient(serve.host(), serve.port(), "scanner@contoso.test", "Scan:ner 1")) {
                printer.send("printer@contoso.test", "ada@example.test", "From the file", "<file-1@contoso.test>");
                scanner.send("scanner@contoso.test", "ada@example.test", "Also from the file", "<file-2@contoso.test>");
            }
            assertThat(serve.terminate()).isZero();
        }
    }

    @Test
    void aFileOtherUsersCanReadIsRefusedWithOneLineAndExit2() throws Exception {
        Path f = file("rw-r--r--", "printer@contoso.test:Printer#2026");
        Path data = temp.resolve("data");

        CliRun run = CliRun.of("serve", "--data", data.toString(), "--mailbox-file", f.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("submitlab serve: --mailbox-file: ")
                .contains(f.toString()).contains("other users can read it").contains("chmod 600");
        assertThat(Files.exists(data)).isFalse();
    }

    @Test
    void aBadLineNamesItsNumberButNotItsContent() throws Exception {
        Path f = file("rw-------", "printer@contoso.test:Printer#2026", "scanner@contoso.test Secret-in-line-2");

        CliRun run = CliRun.of("serve", "--data", temp.resolve("data").toString(), "--mailbox-file", f.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("line 2").doesNotContain("Secret-in-line-2");
    }

    @Test
    void aMissingFileIsAClearError() {
        Path missing = temp.resolve("nowhere.txt");

        CliRun run = CliRun.of("serve", "--data", temp.resolve("data").toString(), "--mailbox-file", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--mailbox-file: no such file " + missing);
    }
}
