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
        return new TenantSettings(Profile.EXCHANGE_ONLINE, true, Limits.defaults(), DEFAULT_HOST, false, false);
    }

    public TenantSettings withProfile(Profile p) {
        return new TenantSettings(p, smtpAuthEnabled, limits, hostName, deliverToHeaderRecipients, rewriteDisplayName);
    }

    public TenantSettings withSmtpAuthEnabled(boolean enabled) {
        return new TenantSettings(profile, enabled, limits, hostName, deliverToHeaderRecipients, rewriteDisplayName);
    }

    public TenantSettings withLimits(Limits l) {
        return new TenantSettings(profile, smtpAuthEnabled, l, hostName, deliverToHeaderRecipients, rewriteDisplayName);
    }

    public TenantSettings withHostName(String h) {
        return new TenantSettings(profile, smtpAuthEnabled, limits, h, deliverToHeaderRecipients, rewriteDisplayName);
    }

    public TenantSettings withDeliverToHeaderRecipients(boolean b) {
        return new TenantSettings(profile, smtpAuthEnabled, limits, hostName, b, rewriteDisplayName);
    }

    public TenantSettings withRewriteDisplayName(boolean b) {
        return new TenantSettings(profile, smtpAuthEnabled, limits, hostName, deliverToHeaderRecipients, b);
    }
}
