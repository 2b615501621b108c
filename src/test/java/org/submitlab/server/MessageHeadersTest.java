package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageHeadersTest {

    @Test
    void readsTheFieldsTheServerNeeds() {
        String raw = "From: \"Printer, 2nd floor\" <Printer@Contoso.test>\r\n"
                + "To: a@fabrikam.test,\r\n b@fabrikam.test\r\nCc: C <c@fabrikam.test>\r\n"
                + "Subject: =?UTF-8?Q?Scan_=C3=A9t=C3=A9?=\r\nMessage-ID: <id-1@printer.test>\r\n\r\n"
                + "To: not-a-header@fabrikam.test\r\n";
        MessageHeaders h = MessageHeaders.parse(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(h.fromAddress()).contains("printer@contoso.test");
        assertThat(h.subject()).contains("Scan été");
        assertThat(h.messageId()).contains("<id-1@printer.test>");
        assertThat(h.toAndCc()).containsExactly("a@fabrikam.test", "b@fabrikam.test", "c@fabrikam.test");
    }

    @Test
    void missingFieldsAreEmpty() {
        MessageHeaders h = MessageHeaders.parse("\r\nbody only".getBytes(StandardCharsets.UTF_8));
        assertThat(h.fromAddress()).isEmpty();
        assertThat(h.messageId()).isEmpty();
        assertThat(h.toAndCc()).isEmpty();
    }
}
