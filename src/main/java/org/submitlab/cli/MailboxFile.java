package org.submitlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --mailbox-file FILE}: one {@code ADDRESS:PASSWORD} per line (blank lines and lines starting with
 * {@code #} are skipped), so passwords stay out of the process list. On POSIX file systems a file that users
 * other than its owner may read or change is refused. Errors name the line, never its content.
 */
final class MailboxFile {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private MailboxFile() {
    }

    /** The mailboxes in {@code file}; IllegalArgumentException with a one-line reason when it cannot be used. */
    static List<MailboxSpec> read(Path file) {
        checkPrivate(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--mailbox-file: no such file " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--mailbox-file: cannot read " + file + ": " + e.getMessage());
        }
        List<MailboxSpec> specs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).endsWith("\r") ? lines.get(i).substring(0, lines.get(i).length() - 1)
                    : lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            try {
                specs.add(MailboxSpec.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--mailbox-file: " + file + " line " + (i + 1)
                        + " is not ADDRESS:PASSWORD with an address like printer@contoso.test");
            }
        }
        return specs;
    }

    private static void checkPrivate(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system (Windows): its ACLs are the user's to set
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = view.readAttributes().permissions();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--mailbox-file: no such file " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--mailbox-file: cannot read " + file + ": " + e.getMessage());
        }
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new IllegalArgumentException("--mailbox-file: " + file + " holds passwords and other users can read"
                    + " it or change it (" + PosixFilePermissions.toString(permissions) + "); make it yours alone with"
                    + " chmod 600 " + file);
        }
    }
}
