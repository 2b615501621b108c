package org.submitlab.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** Speaks SMTP over a plain socket, line by line, and upgrades with STARTTLS: for exact-reply tests. */
final class SmtpTestClient implements AutoCloseable {

    private final Socket plain;
    private final SSLSocketFactory tlsFactory;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private SSLSocket tls;
    final String banner;

    SmtpTestClient(int port, SSLSocketFactory tlsFactory) throws IOException {
        this(port, tlsFactory, null);
    }

    /** Connects from {@code local} (another loopback address, 127.0.0.2, acts as a second client machine). */
    SmtpTestClient(int port, SSLSocketFactory tlsFactory, java.net.InetAddress local) throws IOException {
        this.plain = local == null ? new Socket("127.0.0.1", port)
                : new Socket(java.net.InetAddress.getByName("127.0.0.1"), port, local, 0);
        this.tlsFactory = tlsFactory;
        this.plain.setSoTimeout(20_000);
        use(plain);
        this.banner = reply();
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
    }

    /** Sends one command line and returns the complete reply (lines of a multi-line reply joined by \n). */
    String command(String line) throws IOException {
        send(line);
        return reply();
    }

    void send(String line) throws IOException {
        write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one reply; null if the server closed the connection first. */
    String reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                return lines.isEmpty() ? null : String.join("\n", lines);
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) == ' ') {
                return String.join("\n", lines);
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            buf.write(b);
        }
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.UTF_8);
    }

    /** Waits up to {@code millis} for the next reply line (the server may send one unasked, e.g. a 421). */
    String replyWithin(int millis) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            return reply();
        } finally {
            socket.setSoTimeout(before);
        }
    }

    /** True when the server has closed the connection (reads end of stream, maybe after a last reply). */
    boolean closedByServer() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** STARTTLS and the TLS handshake; returns the 220 reply. */
    String startTls() throws IOException {
        String r = command("STARTTLS");
        SSLSocket tls = (SSLSocket) tlsFactory.createSocket(plain, "127.0.0.1", plain.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        use(tls);
        this.tls = tls;
        return r;
    }

    /** The TLS session {@link #startTls()} made. */
    SSLSession tlsSession() {
        return tls.getSession();
    }

    /**
     * Talks through these streams from now on (those of a TLS connection a test layered over {@link #socket()}
     * itself); timeouts stay the TCP socket's.
     */
    void useStreams(InputStream tlsIn, OutputStream tlsOut) {
        in = tlsIn;
        out = tlsOut;
    }

    /** The plain TCP socket (for tests that do their own TLS handshake after STARTTLS). */
    Socket socket() {
        return plain;
    }

    /** The TLS socket after {@link #startTls()}. */
    SSLSocket tlsSocket() {
        return (SSLSocket) socket;
    }

    String protocol() {
        return ((SSLSocket) socket).getSession().getProtocol();
    }

    /** EHLO, STARTTLS, EHLO, AUTH LOGIN: returns the AUTH result line. */
    String login(String user, String password) throws IOException {
        command("EHLO device.test");
        startTls();
        command("EHLO device.test");
        return authLogin(user, password);
    }

    String authLogin(String user, String password) throws IOException {
        command("AUTH LOGIN");
        command(b64(user));
        return command(b64(password));
    }

    /** MAIL, RCPT for each, DATA: returns the replies so far (the last one is the 354 or a refusal). */
    List<String> envelope(String from, List<String> to) throws IOException {
        List<String> replies = new ArrayList<>();
        replies.add(command("MAIL FROM:<" + from + ">"));
        for (String r : to) {
            replies.add(command("RCPT TO:<" + r + ">"));
        }
        replies.add(command("DATA"));
        return replies;
    }

    /** Sends a body (CRLF lines, dot-stuffed by the caller) and the terminator; returns the reply. */
    String body(String message) throws IOException {
        write((message + "\r\n.\r\n").getBytes(StandardCharsets.UTF_8));
        return reply();
    }

    /** A whole submission after login: returns every reply, the end-of-DATA one last. */
    List<String> submit(String from, List<String> to, String message) throws IOException {
        List<String> replies = envelope(from, to);
        replies.add(body(message));
        return replies;
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String message(String from, String to, String subject) {
        return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + subject.hashCode()
                + "." + System.nanoTime() + "@device.test>\r\n\r\nHello.";
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the test is over
        }
    }
}
