package org.submitlab.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The data folder belongs to one store at a time: an exclusive lock on {@code submitlab.lock} in it, held
 * until the store closes (the operating system drops it when the process dies, so it never goes stale).
 * The file says who holds it, so the next one can name the process in its refusal. The lock covers a byte
 * far beyond that text, so the text stays readable where locks are mandatory (Windows).
 */
final class FolderLock implements AutoCloseable {

    static final String FILE_NAME = "submitlab.lock";
    private static final long LOCKED_BYTE = 1L << 30;

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder, or throws a StoreException naming the folder and the process that has it. */
    static FolderLock acquire(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("Cannot open the lock file " + file + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock(LOCKED_BYTE, 1, false);
            } catch (OverlappingFileLockException e) {
                throw inUse(dir, "this process (pid " + ProcessHandle.current().pid() + ")");
            }
            if (lock == null) {
                throw inUse(dir, holder(channel).orElse("another process"));
            }
            byte[] me = describe(ProcessHandle.current()).getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me), 0);
            channel.force(false);
            return new FolderLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("Cannot lock the data folder " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static StoreException inUse(Path dir, String holder) {
        return new StoreException("The data folder " + dir + " is in use by " + holder
                + ". Stop that SubmitLab first, or choose another data folder (--data DIR).");
    }

    /**
     * "pid 123 (java submitlab.jar serve, started 2026-12-01T09:00Z)". Only the program and its first word are
     * named: later arguments may hold a password ({@code --mailbox ADDRESS:PASSWORD}).
     */
    static String describe(ProcessHandle p) {
        StringBuilder sb = new StringBuilder("pid ").append(p.pid());
        String main = System.getProperty("sun.java.command", "");
        String[] words = main.trim().split("\\s+");
        StringBuilder what = new StringBuilder();
        p.info().command().ifPresent(c -> what.append(Path.of(c).getFileName()));
        if (!words[0].isEmpty()) {
            what.append(what.length() > 0 ? " " : "").append(words[0]);
            if (words.length > 1 && words[1].matches("[a-z][a-z-]*")) {
                what.append(' ').append(words[1]);
            }
        }
        p.info().startInstant().ifPresent(t -> what.append(what.length() > 0 ? ", " : "").append("started ").append(t));
        if (what.length() > 0) {
            sb.append(" (").append(what).append(')');
        }
        return sb.toString();
    }

    private static Optional<String> holder(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 4_096);
        if (size <= 0) {
            return Optional.empty();
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        channel.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
        return text.startsWith("pid ") ? Optional.of(text.lines().findFirst().orElse(text)) : Optional.empty();
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
