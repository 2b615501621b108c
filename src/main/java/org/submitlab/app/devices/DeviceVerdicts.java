package org.submitlab.app.devices;

import java.util.LinkedHashMap;
import java.util.Map;
import org.submitlab.policy.BasicAuth;
import org.submitlab.policy.TenantSettings;
import org.submitlab.store.ClientSighting;

/**
 * Whether a real device keeps working: today, when Exchange disables basic authentication (end of December
 * 2026), when it removes it, against the TLS 1.2 rule, and with its mailbox's concurrency limit.
 */
public final class DeviceVerdicts {

    /** The steps a verdict is given for, as scripts name them. */
    public static final String TODAY = "today";
    public static final String BASIC_AUTH_DISABLED = "basicAuthDisabled";
    public static final String BASIC_AUTH_REMOVED = "basicAuthRemoved";
    public static final String LEGACY_TLS = "legacyTls";
    public static final String CONCURRENCY = "concurrency";

    /** {@code ok} or {@code breaks}, with why. */
    public record Verdict(boolean breaks, String reason) {
        public String value() {
            return breaks ? "breaks" : "ok";
        }
    }

    private DeviceVerdicts() {
    }

    /** Each step's verdict for the device, in the order above. */
    public static Map<String, Verdict> of(ClientSighting d, TenantSettings tenant) {
        Map<String, Verdict> v = new LinkedHashMap<>();
        Verdict tls = legacyTls(d, tenant);
        Verdict disabled = basicAuth(d, BasicAuth.DISABLED);
        Verdict removed = basicAuth(d, BasicAuth.REMOVED);
        Verdict concurrency = concurrency(d);
        v.put(TODAY, today(d, tenant, tls));
        v.put(BASIC_AUTH_DISABLED, disabled);
        v.put(BASIC_AUTH_REMOVED, removed);
        v.put(LEGACY_TLS, tls);
        v.put(CONCURRENCY, concurrency);
        return v;
    }

    private static boolean usesBasicAuth(ClientSighting d) {
        return d.mechanism().equals("LOGIN") || d.mechanism().equals("PLAIN");
    }

    private static Verdict today(ClientSighting d, TenantSettings tenant, Verdict tls) {
        if (tls.breaks()) {
            return tls;
        }
        if (d.mechanism().isEmpty()) {
            return new Verdict(true, "it never logged in: without AUTH, MAIL FROM gets 530 5.7.57");
        }
        if (usesBasicAuth(d) && tenant.basicAuth() != BasicAuth.ENABLED) {
            return basicAuth(d, tenant.basicAuth());
        }
        if (d.accepted() == 0 && d.authFailures() > 0) {
            return new Verdict(true, "its logins fail (" + d.authFailures() + " failed): check the password or token "
                    + "of " + d.login());
        }
        return new Verdict(false, d.accepted() + " accepted with " + d.mechanism() + " over " + d.tls());
    }

    private static Verdict basicAuth(ClientSighting d, BasicAuth step) {
        if (d.mechanism().equals("XOAUTH2")) {
            return new Verdict(false, "it logs in with XOAUTH2 (OAuth), which Exchange keeps");
        }
        if (!usesBasicAuth(d)) {
            return new Verdict(false, "it does not log in with a password");
        }
        return switch (step) {
            case ENABLED -> new Verdict(false, "basic authentication is on");
            case DISABLED -> new Verdict(true, "it logs in with AUTH " + d.mechanism() + " (a password): once basic "
                    + "authentication is disabled it gets 535 5.7.139 unless the admin turns basic auth back on; "
                    + "move it to OAuth (XOAUTH2), High Volume Email or a relay");
            case REMOVED -> new Verdict(true, "it logs in with AUTH " + d.mechanism() + " (a password): once basic "
                    + "authentication is removed it gets 550 5.7.30 for good; it needs OAuth (XOAUTH2) or another way "
                    + "to send");
        };
    }

    private static Verdict legacyTls(ClientSighting d, TenantSettings tenant) {
        if (d.tls() == null) {
            return new Verdict(true, "it never started TLS: Exchange offers AUTH only after STARTTLS");
        }
        if (d.tls().equals("TLSv1") || d.tls().equals("TLSv1.1")) {
            return new Verdict(true, "it speaks " + d.tls() + ": Exchange answers 421 4.7.66 after the handshake "
                    + "(a retry will not help); update its firmware or use the legacy endpoint while it lasts");
        }
        return new Verdict(false, "it speaks " + d.tls());
    }

    private static Verdict concurrency(ClientSighting d) {
        if (d.limit() > 0 && d.peakInFlight() >= d.limit()) {
            return new Verdict(true, "its mailbox " + d.login() + " had " + d.peakInFlight() + " of " + d.limit()
                    + " submissions in flight: the next one at such a time gets 432 4.3.2; give it a mailbox of its own");
        }
        return new Verdict(false, d.limit() == 0 ? "it has not sent yet" : "at most " + d.peakInFlight() + " of "
                + d.limit() + " submissions in flight on its mailbox");
    }
}
