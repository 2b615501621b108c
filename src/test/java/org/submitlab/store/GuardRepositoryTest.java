package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.store.Fixtures.T0;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.ErrorThrottle;
import org.submitlab.policy.LoginLockout;
import org.submitlab.policy.RefusalKind;

class GuardRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void lockoutsAreKeptAcrossAReopenAndForgottenWhenTheirStateIsEmpty() {
        LoginLockout.State locked = new LoginLockout.State("nobody@contoso.test", 5, T0, T0.plusSeconds(900));
        LoginLockout.State streak = new LoginLockout.State("printer@contoso.test", 2, T0, null);
        try (Store store = Store.open(dir)) {
            store.guards().saveLockoutLater(locked.name(), () -> Optional.of(locked));
            store.guards().saveLockoutLater(streak.name(), () -> Optional.of(streak));
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.guards().lockouts()).containsExactly(locked, streak);
            store.guards().saveLockoutLater(streak.name(), Optional::empty);
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.guards().lockouts()).containsExactly(locked);
        }
    }

    @Test
    void theStateWrittenIsTheOneCurrentWhenTheWriterRunsNotWhenItWasQueued() {
        LoginLockout.State[] current = {new LoginLockout.State("a@contoso.test", 1, T0, null)};
        try (Store store = Store.open(dir)) {
            store.guards().saveLockoutLater("a@contoso.test", () -> Optional.of(current[0]));
            current[0] = new LoginLockout.State("a@contoso.test", 2, T0.plusSeconds(1), null);
            store.guards().saveLockoutLater("a@contoso.test", () -> Optional.of(current[0]));
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.guards().lockouts()).containsExactly(current[0]);
        }
    }

    @Test
    void throttlesAreKeptWithTheirKinds() {
        ErrorThrottle.State throttled = new ErrorThrottle.State(null, 0, RefusalKind.SEND_AS_DENIED, T0.plusSeconds(600));
        ErrorThrottle.State streak = new ErrorThrottle.State(RefusalKind.MAILBOX_FULL, 3, null, null);
        try (Store store = Store.open(dir)) {
            store.guards().saveThrottleLater("a@contoso.test", () -> Optional.of(throttled));
            store.guards().saveThrottleLater("b@contoso.test", () -> Optional.of(streak));
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.guards().throttles()).containsExactly(Map.entry("a@contoso.test", throttled),
                    Map.entry("b@contoso.test", streak));
        }
    }
}
