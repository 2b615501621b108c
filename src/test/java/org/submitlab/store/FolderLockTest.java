package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store.open takes the data folder for itself; read-only opens and other folders are not affected. */
class FolderLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondOpenOfAFolderInUseIsRefusedNamingTheFolderAndTheProcess() {
        try (Store first = Store.open(dir)) {
            assertThatThrownBy(() -> Store.open(dir).close())
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(dir.toAbsolutePath().normalize().toString())
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void closingTheStoreFreesTheFolder() {
        Store.open(dir).close();
        try (Store again = Store.open(dir)) {
            assertThat(again.dataDir()).isEqualTo(dir.toAbsolutePath().normalize());
        }
    }

    @Test
    void aReadOnlyOpenReadsBesideTheHolderAndCannotWrite() {
        try (Store server = Store.open(dir)) {
            Fixtures.commit(server, Fixtures.draft("a@contoso.test", Fixtures.T0, "seen", List.of("x@f.test")));
            try (Store reader = Store.openReadOnly(dir)) {
                assertThat(reader.sentItems().count(Optional.empty(), "")).isEqualTo(1);
                assertThatThrownBy(() -> reader.recordAsync(Fixtures.refused("a@contoso.test", Fixtures.T0,
                        List.of("x@f.test")))).isInstanceOf(StoreException.class).hasMessageContaining("read-only");
            }
            Fixtures.commit(server, Fixtures.draft("a@contoso.test", Fixtures.T0.plusSeconds(1), "after",
                    List.of("x@f.test")));
        }
    }

    @Test
    void aReadOnlyOpenOfAFolderWithoutDataFailsClearly() {
        assertThatThrownBy(() -> Store.openReadOnly(dir.resolve("empty")))
                .isInstanceOf(StoreException.class).hasMessageContaining("no SubmitLab data");
    }

    @Test
    void aRunFolderInsideTheDataFolderHasALockOfItsOwn() {
        try (Store live = Store.open(dir); Store run = Store.open(dir.resolve("runs").resolve("42"))) {
            assertThat(run.dataDir()).startsWith(live.dataDir());
        }
    }

    @Test
    void anAdministrativeOpenSharesTheFolderWithTheHolder() {
        try (Store server = Store.open(dir); Store admin = Store.openForAdministration(dir)) {
            admin.mailboxes().save(org.submitlab.policy.Mailbox.create("a@contoso.test", null, "pw-123456"));
            assertThat(server.mailboxes().find("a@contoso.test")).isPresent();
        }
    }
}
