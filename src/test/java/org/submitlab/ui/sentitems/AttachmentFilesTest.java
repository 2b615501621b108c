package org.submitlab.ui.sentitems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNameCannotLeaveItsFolder() {
        assertThat(AttachmentFiles.safeName("../../.bashrc")).isEqualTo("bashrc");
        assertThat(AttachmentFiles.safeName("C:\\Windows\\system32\\evil.dll")).isEqualTo("evil.dll");
        assertThat(AttachmentFiles.safeName("scan: floor 2?.pdf")).isEqualTo("scan_ floor 2_.pdf");
        assertThat(AttachmentFiles.safeName("")).isEqualTo("attachment");
        assertThat(AttachmentFiles.safeName(null)).isEqualTo("attachment");
        assertThat(AttachmentFiles.safeName("a".repeat(300) + ".pdf")).hasSize(120).endsWith(".pdf");
    }

    @Test
    void filesThatRunCodeAreNotOpened() throws IOException {
        assertThat(AttachmentFiles.runsCode("invoice.pdf.exe")).isTrue();
        assertThat(AttachmentFiles.runsCode("Report.XLSM")).isTrue();
        assertThat(AttachmentFiles.runsCode("scan.pdf")).isFalse();
        assertThat(AttachmentFiles.runsCode("README")).isFalse();

        MessageDetails.Attachment exe = new MessageDetails.Attachment("setup.exe", "application/octet-stream", new byte[] {77, 90});
        assertThatThrownBy(() -> AttachmentFiles.writeForOpening(dir, exe)).isInstanceOf(IOException.class)
                .hasMessageContaining("setup.exe could run code");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anOpenedAttachmentIsItsDecodedContentInAFolderOfItsOwn() throws IOException {
        MessageDetails.Attachment pdf = new MessageDetails.Attachment("scan.pdf", "application/pdf",
                "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));

        Path first = AttachmentFiles.writeForOpening(dir, pdf);
        Path second = AttachmentFiles.writeForOpening(dir, pdf);

        assertThat(first.getFileName()).hasToString("scan.pdf");
        assertThat(first.getParent().getParent()).isEqualTo(dir);
        assertThat(second).isNotEqualTo(first);
        assertThat(Files.readString(first, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4\n");
    }
}
