package org.submitlab.server;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Sees every reply line on its way to the client (plain text: it sits above TLS) and passes it
 * through the connection's {@link Shaper}, which may rewrite it and records it in the transcript.
 * Bytes go out on flush, as the library flushes after each reply.
 */
final class ReplyLineOutputStream extends OutputStream {

    /** The per-connection line rewriter; lines pass unchanged until one is attached. */
    static final class Shaper {
        private volatile UnaryOperator<String> operator = UnaryOperator.identity();

        void attach(UnaryOperator<String> op) {
            this.operator = op;
        }

        String shape(String line) {
            return operator.apply(line);
        }
    }

    private final OutputStream delegate;
    private final Shaper shaper;
    private final Closeable onClose;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(1024);

    /** {@code onClose} closes the connection (instead of closing {@code delegate} directly). */
    ReplyLineOutputStream(OutputStream delegate, Shaper shaper, Closeable onClose) {
        this.delegate = delegate;
        this.shaper = shaper;
        this.onClose = onClose;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (b == '\n') {
            endLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i - start);
                endLine();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    private void endLine() {
        byte[] bytes = line.toByteArray();
        line.reset();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
            n--;
        }
        // The library writes through a PrintWriter in the platform charset; our replies are ASCII or UTF-8.
        String text = new String(bytes, 0, n, java.nio.charset.Charset.defaultCharset());
        String shaped = shaper.shape(text);
        pending.writeBytes(shaped.getBytes(StandardCharsets.UTF_8));
        pending.write('\r');
        pending.write('\n');
    }

    @Override
    public synchronized void flush() throws IOException {
        if (pending.size() > 0) {
            pending.writeTo(delegate);
            pending.reset();
        }
        delegate.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            synchronized (this) {
                flush();
            }
        } finally {
            onClose.close();
        }
    }
}
