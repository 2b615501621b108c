package org.submitlab.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The start of a TLS ClientHello, read to learn which version the client asks for before choosing who does the
 * handshake: the record header (type 22, version, length: 5 bytes), the handshake type (1) and length (3 bytes),
 * then the 2-byte client_version. TLS 1.2 and 1.3 clients send 0x0303 (1.3 negotiates in an extension).
 *
 * @param bytes         what was read (to be handed to whoever does the handshake)
 * @param clientVersion the ClientHello's client_version, or -1 when this is no ClientHello (or it ended early)
 */
record ClientHello(byte[] bytes, int clientVersion) {

    static final int PEEK = 11;
    /** TLS 1.2's version number. */
    static final int TLS_1_2 = 0x0303;

    static ClientHello peek(InputStream in) throws IOException {
        byte[] b = new byte[PEEK];
        int n = 0;
        while (n < PEEK) {
            int r = in.read(b, n, PEEK - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        byte[] read = Arrays.copyOf(b, n);
        boolean hello = n == PEEK && (b[0] & 0xFF) == 22 && (b[5] & 0xFF) == 1;
        return new ClientHello(read, hello ? ((b[9] & 0xFF) << 8) | (b[10] & 0xFF) : -1);
    }

    /** SSL 3.0 up to TLS 1.1: a version the standard endpoint refuses once the handshake is done. */
    boolean legacy() {
        return clientVersion >= 0x0300 && clientVersion < TLS_1_2;
    }

    /** The version's name as the JDK gives it (TLSv1, TLSv1.1, ...). */
    static String name(int version) {
        return switch (version) {
            case 0x0300 -> "SSLv3";
            case 0x0301 -> "TLSv1";
            case 0x0302 -> "TLSv1.1";
            case 0x0303 -> "TLSv1.2";
            default -> String.format("0x%04X", version);
        };
    }
}
