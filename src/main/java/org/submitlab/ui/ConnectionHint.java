package org.submitlab.ui;

import org.submitlab.policy.BasicAuth;
import org.submitlab.policy.Profile;

/** What to type into a device to send through the running server. */
public final class ConnectionHint {

    private ConnectionHint() {
    }

    /** "127.0.0.1:587, STARTTLS, AUTH LOGIN, user printer@contoso.test". */
    public static String text(String host, int port, Profile profile, String user) {
        return text(host, port, profile.basicAuthAllowed() ? BasicAuth.ENABLED : BasicAuth.DISABLED, user);
    }

    /** The same for the tenant's basic authentication as it applies (see TenantSettings.basicAuth). */
    public static String text(String host, int port, BasicAuth basicAuth, String user) {
        String auth = switch (basicAuth) {
            case ENABLED -> "AUTH LOGIN";
            case DISABLED -> "AUTH XOAUTH2 (basic auth is off)";
            case REMOVED -> "AUTH XOAUTH2 (basic auth is removed)";
        };
        return host + ":" + port + ", STARTTLS, " + auth + (user == null || user.isBlank() ? "" : ", user " + user);
    }

    public static String stopped() {
        return "Server stopped: start it to get an address for your devices";
    }
}
