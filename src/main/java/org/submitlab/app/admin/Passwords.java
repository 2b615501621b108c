package org.submitlab.app.admin;

import java.security.SecureRandom;

/** Passwords an admin sets or SubmitLab makes for a device. */
final class Passwords {

    /** No 0/O, 1/l/I: a device's password is often typed on a printer's keypad. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** 20 characters in four groups ("k7Qm4-..."), about 115 bits. */
    static String generate() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    static void check(String password) {
        if (password.length() < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a password must not contain control characters or line ends");
        }
    }
}
