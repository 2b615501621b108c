package org.submitlab.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import javax.net.ssl.SSLSocket;

/** Just enough SMTP to reach STARTTLS and see which certificate the server presents. */
public final class StartTls {

    private StartTls() {
    }

    public static Certificate serverCertificate(String host, int port) throws IOException, GeneralSecurityException {
        try (Socket plain = new Socket(host, port)) {
            plain.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = plain.getOutputStream();
            reply(in, "220");
            out.write("EHLO tester.test\r\n".getBytes(StandardCharsets.US_ASCII));
            reply(in, "250");
            out.write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
            reply(in, "220");
            try (SSLSocket tls = (SSLSocket) TrustAllCertificates.socketFactory().createSocket(plain, host, port, true)) {
                tls.startHandshake();
                return tls.getSession().getPeerCertificates()[0];
            }
        }
    }

    private static void reply(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IOException("expected " + code + ", got " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }
}
