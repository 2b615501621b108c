package org.submitlab.store;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message as received: in memory, or spooled to a file (large bodies cost disk, not heap; the writer
 * reads the file only while it stores the message). A body may have its first bytes replaced (the
 * display-name replay switch rewrites the From field) without copying the rest.
 */
public abstract sealed class MessageBody permits MessageBody.InMemory, MessageBody.Spooled {

    private MessageBody() {
    }

    public static MessageBody of(byte[] bytes) {
        return new InMemory(Objects.requireNonNull(bytes, "bytes"));
    }

    /** The first {@code size} bytes of {@code file}. */
    public static MessageBody spooled(Path file, long size) {
        return new Spooled(new byte[0], file, 0, size);
    }

    public abstract long size();

    /** The whole body in one array (for the writer, which hands it to SQLite). */
    public abstract byte[] bytes() throws IOException;

    /** The body with its first {@code length} bytes replaced by {@code head}. */
    public abstract MessageBody withHead(byte[] head, int length);

    /** Whether the message has attachments ({@link MimeAttachments}), read without holding a spooled body whole. */
    abstract boolean hasAttachments() throws IOException;

    /** {@link #bytes()} for callers that cannot recover from a spool file gone missing. */
    byte[] bytesUnchecked() {
        try {
            return bytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a spooled message body: " + e.getMessage(), e);
        }
    }

    static final class InMemory extends MessageBody {
        private final byte[] bytes;

        InMemory(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public byte[] bytes() {
            return bytes;
        }

        @Override
        public MessageBody withHead(byte[] head, int length) {
            byte[] out = Arrays.copyOf(head, head.length + bytes.length - length);
            System.arraycopy(bytes, length, out, head.length, bytes.length - length);
            return new InMemory(out);
        }

        @Override
        boolean hasAttachments() {
            return MimeAttachments.in(bytes);
        }
    }

    /** {@code prefix}, then the file's bytes from {@code skip} to {@code skip + fileBytes}. */
    static final class Spooled extends MessageBody {
        private final byte[] prefix;
        private final Path file;
        private final long skip;
        private final long fileBytes;

        Spooled(byte[] prefix, Path file, long skip, long fileBytes) {
            this.prefix = prefix;
            this.file = Objects.requireNonNull(file, "file");
            this.skip = skip;
            this.fileBytes = fileBytes;
        }

        @Override
        public long size() {
            return prefix.length + fileBytes - skip;
        }

        @Override
        public byte[] bytes() throws IOException {
            long size = size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException("a message of " + size + " bytes is too large to store");
            }
            byte[] out = Arrays.copyOf(prefix, (int) size);
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(skip);
                int read = in.readNBytes(out, prefix.length, (int) (fileBytes - skip));
                if (read != fileBytes - skip) {
                    throw new IOException("the spool file " + file + " is shorter than the message");
                }
            }
            return out;
        }

        @Override
        public MessageBody withHead(byte[] head, int length) {
            if (length > prefix.length) {
                return new Spooled(head, file, skip + length - prefix.length, fileBytes);
            }
            byte[] newPrefix = Arrays.copyOf(head, head.length + prefix.length - length);
            System.arraycopy(prefix, length, newPrefix, head.length, prefix.length - length);
            return new Spooled(newPrefix, file, skip, fileBytes);
        }

        @Override
        boolean hasAttachments() throws IOException {
            try (InputStream in = new SequenceInputStream(new ByteArrayInputStream(prefix), region())) {
                return MimeAttachments.in(in);
            }
        }

        /** The file's bytes from {@code skip} to {@code fileBytes}. */
        private InputStream region() throws IOException {
            InputStream in = Files.newInputStream(file);
            try {
                in.skipNBytes(skip);
            } catch (IOException e) {
                in.close();
                throw e;
            }
            return new FilterInputStream(in) {
                private long left = fileBytes - skip;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        }
    }
}
