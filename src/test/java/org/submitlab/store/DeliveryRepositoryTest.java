package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.store.Fixtures.T0;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void eachRecipientGetsTheCopiesAddressedToItWithTheirDueTime() {
        try (Store store = Store.open(dir)) {
            Instant later = T0.plus(Duration.ofMinutes(1));
            SentItemDraft toBoth = new SentItemDraft("a@contoso.test", T0, "a@contoso.test",
                    List.of("x@f.test", "Y@f.test"), "a@contoso.test", "192.0.2.1", true, "s1", new byte[] {1},
                    "both", "<1@t>", "a@contoso.test", true, List.of("x@f.test", "Y@f.test"), T0);
            SentItemDraft delayed = new SentItemDraft("a@contoso.test", T0, "a@contoso.test", List.of("y@f.test"),
                    "a@contoso.test", "192.0.2.1", true, "s2", new byte[] {2}, "delayed", "<2@t>", "a@contoso.test",
                    true, List.of("y@f.test"), later);
            long first = Fixtures.commit(store, toBoth);
            long second = Fixtures.commit(store, delayed);

            assertThat(store.deliveries().forRecipient("X@F.test")).containsExactly(
                    new Delivery(first, "x@f.test", T0));
            assertThat(store.deliveries().forRecipient("y@f.test")).containsExactly(
                    new Delivery(first, "y@f.test", T0), new Delivery(second, "y@f.test", later));
            assertThat(store.deliveries().forRecipient("nobody@f.test")).isEmpty();
            assertThat(store.deliveries().countByRecipient()).containsExactly(
                    java.util.Map.entry("x@f.test", 1L), java.util.Map.entry("y@f.test", 2L));
        }
    }
}
