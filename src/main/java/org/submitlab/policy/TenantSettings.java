package org.submitlab.policy;

/**
 * Tenant-wide switches.
 *
 * @param profile                 which endpoint behaviour and reply texts to use
 * @param smtpAuthEnabled         the tenant's SMTP AUTH switch (a mailbox setting overrides it)
 * @param limits                  every limit, tenant-wide
 * @param hostName                the name the server gives itself in replies
 * @param deliverToHeaderRecipients replay switch: deliver to To/Cc header addresses too (the duplicates incident)
 * @param rewriteDisplayName      replay switch: replace the From display name with the directory's (2018 to 2020)
 * @param rules                   Exchange as of 2026: basic authentication, legacy TLS, Send As phase, slots, TERRL
 */
public record TenantSettings(
        Profile profile,
        boolean smtpAuthEnabled,
        Limits limits,
        String hostName,
        boolean deliverToHeaderRecipients,
        boolean rewriteDisplayName,
        TenantRules rules) {

    public static final String DEFAULT_HOST = "SL1PR01MB0001.submitlab.prod.outlook.test";

    public static TenantSettings defaults() {
        return new TenantSettings(Settings.PROFILE.defaultValue(), Settings.SMTP_AUTH.defaultValue(), Limits.defaults(),
                DEFAULT_HOST, Settings.DELIVER_TO_HEADER_RECIPIENTS.defaultValue(),
                Settings.REWRITE_DISPLAY_NAME.defaultValue(), TenantRules.defaults());
    }

    /** The settings of earlier versions, with the 2026 rules at their defaults. */
    public TenantSettings(Profile profile, boolean smtpAuthEnabled, Limits limits, String hostName,
            boolean deliverToHeaderRecipients, boolean rewriteDisplayName) {
        this(profile, smtpAuthEnabled, limits, hostName, deliverToHeaderRecipients, rewriteDisplayName,
                TenantRules.defaults());
    }

    public TenantSettings {
        java.util.Objects.requireNonNull(rules, "rules");
    }

    public TenantSettings withLimits(Limits l) {
        return new TenantSettings(profile, smtpAuthEnabled, l, hostName, deliverToHeaderRecipients, rewriteDisplayName,
                rules);
    }

    public TenantSettings withRules(TenantRules r) {
        return new TenantSettings(profile, smtpAuthEnabled, limits, hostName, deliverToHeaderRecipients,
                rewriteDisplayName, r);
    }

    /**
     * Basic authentication as it applies: the setting, except that the {@code basic-auth-off} profile (the name
     * it had before the timeline) means at least {@link BasicAuth#DISABLED}.
     */
    public BasicAuth basicAuth() {
        if (profile == Profile.BASIC_AUTH_OFF && rules.basicAuth() == BasicAuth.ENABLED) {
            return BasicAuth.DISABLED;
        }
        return rules.basicAuth();
    }

    /** Refuses a change of settings Exchange does not allow (removed basic authentication coming back). */
    public static void checkChange(TenantSettings before, TenantSettings after) {
        BasicAuth.checkChange(before.rules().basicAuth(), after.rules().basicAuth());
    }

    /** These settings with one of them changed (see {@link Settings}); out of range is refused, never clamped. */
    public <T> TenantSettings with(Setting<T> setting, T value) {
        return setting.with(this, value);
    }
}
