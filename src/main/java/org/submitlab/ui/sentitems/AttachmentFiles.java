package org.submitlab.ui.sentitems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Where an attachment goes when it is opened or saved: a file name that cannot leave its folder, and a refusal
 * to open (not to save) the kinds of file that run code when opened, since Sent Items hold whatever a device
 * or an app submitted.
 */
public final class AttachmentFiles {

    private static final Set<String> RUNS_CODE = Set.of("exe", "com", "bat", "cmd", "msi", "msp", "scr", "pif",
            "cpl", "lnk", "hta", "js", "jse", "vbs", "vbe", "wsf", "wsh", "ps1", "psm1", "jar", "sh", "bash",
            "app", "command", "desktop", "reg", "dll", "docm", "xlsm", "pptm", "iso", "img", "vhd");

    private static Path openFolder;

    private AttachmentFiles() {
    }

    /**
     * This console's own folder for attachments being opened, made on first use among the user's temporary files
     * (readable by the user only, where the file system allows) and removed when the console ends.
     */
    public static synchronized Path openFolder() throws IOException {
        if (openFolder == null) {
            openFolder = Files.createTempDirectory("submitlab-attachments-");
            openFolder.toFile().deleteOnExit();
        }
        return openFolder;
    }

    /** The attachment's name without folders or characters a file system refuses; "attachment" when none is left. */
    public static String safeName(String fileName) {
        String base = fileName == null ? "" : fileName;
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        base = base.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").trim();
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        if (base.length() > 120) {
            int dot = base.lastIndexOf('.');
            String ext = dot > 0 && base.length() - dot <= 10 ? base.substring(dot) : "";
            base = base.substring(0, 120 - ext.length()) + ext;
        }
        return base.isBlank() ? "attachment" : base;
    }

    /** Whether opening the file would run it (or a macro in it); such files can be saved, not opened from here. */
    public static boolean runsCode(String fileName) {
        String name = safeName(fileName).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && RUNS_CODE.contains(name.substring(dot + 1));
    }

    /** Writes the attachment into a new folder under {@code parent} (so names never collide) and returns the file. */
    public static Path writeForOpening(Path parent, MessageDetails.Attachment a) throws IOException {
        if (runsCode(a.fileName())) {
            throw new IOException(safeName(a.fileName()) + " could run code if opened; save it and scan it instead");
        }
        Files.createDirectories(parent);
        Path folder = Files.createTempDirectory(parent, "open-");
        folder.toFile().deleteOnExit(); // registered first, so removed after the file in it
        Path file = folder.resolve(safeName(a.fileName()));
        Files.write(file, a.data());
        file.toFile().deleteOnExit();
        return file;
    }
}
