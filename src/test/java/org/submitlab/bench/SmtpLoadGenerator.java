package org.submitlab.bench;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.submitlab.testing.TrustAllCertificates;

/**
 * A lean SMTP load generator: one raw socket per account, each authenticating once and then looping
 * MAIL / RCPT / DATA with fixed-size messages, so that the generator costs little next to the server.
 * Latency is measured per message from sending MAIL FROM to reading the reply to the end of DATA.
 */
final class SmtpLoadGenerator {

    enum Security { STARTTLS, IMPLICIT_TLS }

    record Account(String address, String password) {
    }

    record Target(String name, String host, int port, Security security, List<Account> accounts) {
    }

    /** What one run measured; latencies are sorted, in nanoseconds, for messages accepted in the window. */
    record Result(String name, int connections, Duration window, long accepted, long refused,
                  Map<String, Long> refusals, long errors, long[] latencies) {

        double messagesPerSecond() {
            return accepted / (window.toNanos() / 1e9);
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1e6;
        }

        String summary() {
            return String.format(java.util.Locale.ROOT,
                    "%-10s %8.1f msg/s accepted  p50 %6.2f ms  p99 %6.2f ms  (%d accepted, %d refused, %d errors in %d s, %d connections)",
                    name, messagesPerSecond(), percentileMillis(50), percentileMillis(99), accepted, refused, errors,
                    window.toSeconds(), connections);
        }
    }

    private final int messageSize;
    private final Duration warmUp;
    private final Duration measurement;

    SmtpLoadGenerator(int messageSize, Duration warmUp, Duration measurement) {
        this.messageSize = messageSize;
        this.warmUp = warmUp;
        this.measurement = measurement;
    }

    Result run(Target target) throws InterruptedException {
        int n = target.accounts().size();
        CountDownLatch connected = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Worker w = new Worker(target, target.accounts().get(i), i, connected, go, window);
            workers.add(w);
            Thread t = new Thread(w, "load-" + target.name() + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        if (!connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(target.name() + ": connections did not authenticate within 60 s");
        }
        long start = System.nanoTime();
        window[0] = start + warmUp.toNanos();
        window[1] = window[0] + measurement.toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join(warmUp.plusSeconds(60).plus(measurement).toMillis());
        }
        long accepted = 0;
        long refused = 0;
        long errors = 0;
        Map<String, Long> refusals = new TreeMap<>();
        int total = 0;
        for (Worker w : workers) {
            if (w.failure != null) {
                throw new IllegalStateException(target.name() + ": " + w.failure, w.failure);
            }
            accepted += w.accepted;
            refused += w.refused;
            errors += w.errors;
            w.refusals.forEach((k, v) -> refusals.merge(k, v, Long::sum));
            total += w.latencyCount;
        }
        long[] all = new long[total];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.latencyCount);
            at += w.latencyCount;
        }
        Arrays.sort(all);
        return new Result(target.name(), n, measurement, accepted, refused, refusals, errors, all);
    }

    /** One connection: authenticates once, then sends until the measurement window ends. */
    private final class Worker implements Runnable {
        private final Target target;
        private final Account account;
        private final int index;
        private final CountDownLatch connected;
        private final CountDownLatch go;
        private final long[] window;
        private final Map<String, Long> refusals = new ConcurrentHashMap<>();
        private long[] latencies = new long[1 << 14];
        private int latencyCount;
        private long accepted;
        private long refused;
        private long errors;
        private volatile Exception failure;
        private Conversation conversation;

        Worker(Target target, Account account, int index, CountDownLatch connected, CountDownLatch go, long[] window) {
            this.target = target;
            this.account = account;
            this.index = index;
            this.connected = connected;
            this.go = go;
            this.window = window;
        }

        @Override
        public void run() {
            try {
                conversation = Conversation.open(target, account);
            } catch (Exception e) {
                failure = e;
                connected.countDown();
                return;
            }
            connected.countDown();
            try {
                go.await();
                long sequence = 0;
                while (System.nanoTime() < window[1]) {
                    sendOne(sequence++);
                }
                conversation.quit();
            } catch (Exception e) {
                failure = e;
            }
        }

        private void sendOne(long sequence) throws IOException {
            byte[] message = message(account.address(), index, sequence);
            long begin = System.nanoTime();
            String reply;
            try {
                reply = conversation.transaction(account.address(), "rcpt" + index + "@example.test", message);
            } catch (IOException e) {
                errors++;
                reconnect(e);
                return;
            }
            long end = System.nanoTime();
            boolean inWindow = end >= window[0] && end < window[1];
            if (reply.startsWith("250")) {
                if (inWindow) {
                    accepted++;
                    record(end - begin);
                }
            } else {
                if (inWindow) {
                    refused++;
                    refusals.merge(withoutSuffix(reply), 1L, Long::sum);
                }
                try {
                    conversation.rset();
                } catch (IOException e) {
                    errors++;
                    reconnect(e);
                }
            }
        }

        private void reconnect(IOException cause) throws IOException {
            conversation.closeQuietly();
            if (errors > 100) {
                throw new IOException("too many connection errors, last one: " + cause, cause);
            }
            conversation = Conversation.open(target, account);
        }

        private void record(long nanos) {
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[latencyCount++] = nanos;
        }

        private byte[] message(String from, int connection, long sequence) {
            StringBuilder sb = new StringBuilder(messageSize + 128);
            sb.append("From: Load ").append(connection).append(" <").append(from).append(">\r\n")
                    .append("To: <rcpt").append(connection).append("@example.test>\r\n")
                    .append("Subject: load ").append(connection).append('-').append(sequence).append("\r\n")
                    .append("Message-ID: <load-").append(connection).append('-').append(sequence).append('-')
                    .append(System.nanoTime()).append("@bench.test>\r\n")
                    .append("Date: Mon, 26 Jan 2026 18:54:30 +0000\r\n")
                    .append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n");
            String line = "The quick brown fox jumps over the lazy dog, the lazy dog naps in the sun 0123\r\n";
            while (sb.length() + line.length() <= messageSize) {
                sb.append(line);
            }
            while (sb.length() < messageSize - 2) {
                sb.append('x');
            }
            sb.append("\r\n");
            return sb.toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Strips Exchange's diagnostic suffix ("[host time session]") so refusals group by their text. */
    static String withoutSuffix(String reply) {
        int bracket = reply.lastIndexOf(" [");
        return bracket > 0 && reply.endsWith("]") ? reply.substring(0, bracket) : reply;
    }

    /** One SMTP connection spoken by hand. */
    static final class Conversation {
        private static final SSLSocketFactory TRUST_ALL = TrustAllCertificates.socketFactory();
        private final byte[] buffer = new byte[8192];
        private int position;
        private int limit;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        static Conversation open(Target target, Account account) throws IOException {
            Conversation c = new Conversation();
            Socket plain = new Socket();
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(target.host(), target.port()), 10_000);
            plain.setSoTimeout(60_000);
            if (target.security() == Security.IMPLICIT_TLS) {
                c.use(tls(plain, target));
                c.expect(c.reply(), "220");
                c.command("EHLO loadgen.test", "250");
            } else {
                c.use(plain);
                c.expect(c.reply(), "220");
                c.command("EHLO loadgen.test", "250");
                c.command("STARTTLS", "220");
                c.use(tls(plain, target));
                c.command("EHLO loadgen.test", "250");
            }
            Base64.Encoder b64 = Base64.getEncoder();
            c.command("AUTH LOGIN", "334");
            c.command(b64.encodeToString(account.address().getBytes(StandardCharsets.UTF_8)), "334");
            c.command(b64.encodeToString(account.password().getBytes(StandardCharsets.UTF_8)), "235");
            return c;
        }

        /** MAIL, RCPT, DATA and the message; returns the last reply (250 when accepted). */
        String transaction(String from, String to, byte[] message) throws IOException {
            send("MAIL FROM:<" + from + ">");
            String r = reply();
            if (!r.startsWith("250")) {
                return r;
            }
            send("RCPT TO:<" + to + ">");
            r = reply();
            if (!r.startsWith("250")) {
                return r;
            }
            send("DATA");
            r = reply();
            if (!r.startsWith("354")) {
                return r;
            }
            out.write(message);
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply();
        }

        void rset() throws IOException {
            command("RSET", "250");
        }

        void quit() {
            try {
                send("QUIT");
                reply();
            } catch (IOException ignored) {
                // the server may close first
            }
            closeQuietly();
        }

        void closeQuietly() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }

        private void use(Socket s) throws IOException {
            socket = s;
            in = s.getInputStream();
            position = 0;
            limit = 0;
            out = new BufferedOutputStream(s.getOutputStream(), 8192);
        }

        private void command(String line, String expectedCode) throws IOException {
            send(line);
            expect(reply(), expectedCode);
        }

        private void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private void expect(String reply, String code) throws IOException {
            if (!reply.startsWith(code)) {
                throw new IOException("expected " + code + " but got: " + reply);
            }
        }

        /** Reads a whole (possibly multi-line) reply and returns its last line. */
        private String reply() throws IOException {
            while (true) {
                String line = line();
                if (line.length() < 4 || line.charAt(3) != '-') {
                    return line;
                }
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(80);
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        throw new EOFException("connection closed by the server");
                    }
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') {
                        sb.setLength(len - 1);
                    }
                    return sb.toString();
                }
                sb.append((char) (b & 0xff));
            }
        }

        private static Socket tls(Socket plain, Target target) throws IOException {
            SSLSocket ssl = (SSLSocket) TRUST_ALL.createSocket(plain, target.host(), target.port(), true);
            ssl.setUseClientMode(true);
            ssl.startHandshake();
            return ssl;
        }
    }
}
