package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DisplayNameRewriteTest {

    private static String apply(String raw) {
        String value = DisplayNameRewrite.fromValue("printer@contoso.test", "Printer, 2nd floor");
        return new String(DisplayNameRewrite.apply(raw.getBytes(StandardCharsets.UTF_8), value), StandardCharsets.UTF_8);
    }

    @Test
    void replacesTheFromFieldIncludingItsFoldedLines() {
        assertThat(apply("Subject: s\r\nFROM: Device\r\n <printer@contoso.test>\r\nTo: a@b.test\r\n\r\nFrom: body\r\n"))
                .isEqualTo("Subject: s\r\nFrom: \"Printer, 2nd floor\" <printer@contoso.test>\r\nTo: a@b.test\r\n\r\n"
                        + "From: body\r\n");
    }

    @Test
    void leavesAMessageWithoutFromAlone() {
        assertThat(apply("Subject: s\r\n\r\nFrom: body\r\n")).isEqualTo("Subject: s\r\n\r\nFrom: body\r\n");
    }
}
