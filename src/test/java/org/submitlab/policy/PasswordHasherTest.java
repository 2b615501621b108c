package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void hashVerifiesOnlyTheSamePassword() {
        String hash = PasswordHasher.hash("Printer#2026");
        assertThat(PasswordHasher.verify("Printer#2026", hash)).isTrue();
        assertThat(PasswordHasher.verify("printer#2026", hash)).isFalse();
    }

    @Test
    void hashIsSaltedAndNeverContainsThePassword() {
        String a = PasswordHasher.hash("secret-pass");
        String b = PasswordHasher.hash("secret-pass");
        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$").doesNotContain("secret-pass");
    }

    @Test
    void malformedStoredHashNeverVerifies() {
        assertThat(PasswordHasher.verify("x", "plain-text")).isFalse();
        assertThat(PasswordHasher.verify("x", null)).isFalse();
    }

    @Test
    void emptyPasswordIsRefused() {
        assertThatThrownBy(() -> PasswordHasher.hash("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokensAreRandomAndHashDeterministically() {
        String t1 = PasswordHasher.newToken();
        String t2 = PasswordHasher.newToken();
        assertThat(t1).isNotEqualTo(t2).hasSizeGreaterThanOrEqualTo(43);
        assertThat(PasswordHasher.hashToken(t1)).isEqualTo(PasswordHasher.hashToken(t1)).hasSize(64)
                .isNotEqualTo(PasswordHasher.hashToken(t2));
    }
}
