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
 */
public record TenantSettings(
        Profile profile,
        boolean smtpAuthEnabled,
        Limits limits,
        String hostName,
        boolean deliverToHeaderRecipients,
        boolean rewriteDisplayName) {

    public static final String DEFAULT_HOST = "SL1PR01MB0001.submitlab.prod.outlook.test";

    public static TenantSettings defaults() {
        return new TenantSettings(Settings.PROFILE.defaultValue(), Settings.SMTP_AUTH.defaultValue(), Limits.defaults(),
                DEFAULT_HOST, Settings.DELIVER_TO_HEADER_RECIPIENTS.defaultValue(),
                Settings.REWRITE_DISPLAY_NAME.defaultValue());
    }

    public TenantSettings withLimits(Limits l) {
        return new TenantSettings(profile, smtpAuthEnabled, l, hostName, deliverToHeaderRecipients, rewriteDisplayName);
    }

    /** These settings with one of them changed (see {@link Settings}); out of range is refused, never clamped. */
    public <T> TenantSettings with(Setting<T> setting, T value) {
        return setting.with(this, value);
    }
}
