package org.submitlab.sim;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bodies of a run's messages, each rendered once by Jakarta Mail (content headers and encoded bytes) and
 * shared by every message with the same text size and attachments. Rendering a body for every message cost
 * about a third of the devices' CPU at 600×: the body's encoding was worked out by writing it once, then it was
 * written again, and every write looked its stream provider up on the class path.
 */
final class MessageBodies {

    private static final String TEXT_LINE = "This message was sent by a SubmitLab simulated device.\r\n";
    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static byte[] filler = new byte[0];

    /** A body as it goes on the wire after the message's own headers. */
    record Rendered(String contentType, String transferEncoding, byte[] bytes) {
    }

    private record Key(int bodyBytes, List<MessageSpec.Attachment> attachments) {
    }

    private final Session session = Session.getInstance(new Properties());
    private final ConcurrentHashMap<Key, Rendered> rendered = new ConcurrentHashMap<>();
    private final AtomicInteger renderings = new AtomicInteger();

    /**
     * The body of {@code spec}'s messages. Senders asking for one being rendered wait for it: a thousand devices
     * starting together render it once, and a large attachment is not encoded once per sender.
     */
    Rendered of(MessageSpec spec) throws MessagingException {
        try {
            return rendered.computeIfAbsent(new Key(spec.bodyBytes(), spec.attachments()), k -> {
                try {
                    return render(spec);
                } catch (MessagingException e) {
                    throw new RenderFailure(e);
                }
            });
        } catch (RenderFailure f) {
            throw f.failure;
        }
    }

    private static final class RenderFailure extends RuntimeException {
        final MessagingException failure;

        RenderFailure(MessagingException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    /** How many bodies were rendered (a test checks devices starting together share one rendering). */
    int renderings() {
        return renderings.get();
    }

    private Rendered render(MessageSpec spec) throws MessagingException {
        renderings.incrementAndGet();
        MimeMessage m = new MimeMessage(session);
        String body = text(spec.bodyBytes());
        if (spec.attachments().isEmpty()) {
            m.setText(body, "UTF-8");
        } else {
            MimeMultipart mixed = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            mixed.addBodyPart(text);
            for (MessageSpec.Attachment a : spec.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new FillerSource(a.name(), a.contentType(), a.bytes())));
                part.setFileName(a.name());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            m.setContent(mixed);
        }
        m.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream(spec.bodyBytes() + 1024);
        try {
            m.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot render the message body", e);
        }
        byte[] all = out.toByteArray();
        int start = indexOf(all, HEADER_END) + HEADER_END.length;
        byte[] bytes = Arrays.copyOfRange(all, start, all.length);
        return new Rendered(m.getHeader("Content-Type", null), m.getHeader("Content-Transfer-Encoding", null), bytes);
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i <= data.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("a rendered message without a header end");
    }

    private static String text(int bytes) {
        StringBuilder b = new StringBuilder(bytes + TEXT_LINE.length());
        while (b.length() < bytes) {
            b.append(TEXT_LINE);
        }
        b.setLength(bytes);
        return b.toString();
    }

    /** Random-looking bytes that do not compress, like a scanned PDF. */
    private static synchronized byte[] filler(int size) {
        if (filler.length < size) {
            byte[] grown = new byte[Math.max(size, 64 * 1024)];
            new Random(20180101L).nextBytes(grown);
            filler = grown;
        }
        return filler;
    }

    private record FillerSource(String name, String contentType, int size) implements DataSource {
        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(filler(size), 0, size);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
