package org.submitlab.policy;

/**
 * The tenant's settings for Exchange as of 2026 (spec section 7), each defined in {@link Settings}.
 *
 * @param basicAuth        basic authentication on Exchange's timeline (enabled, disabled, removed)
 * @param legacyTls        allow TLS 1.0/1.1 clients (Set-TransportConfig -AllowLegacyTLSClients)
 * @param sendAsCheck      where Send As is checked: after DATA or at MAIL FROM
 * @param slotModel        when a transaction's concurrency slot is decided
 * @param licences         the tenant's licences, for the tenant external recipient rate limit (TERRL)
 * @param trialTenant      a trial tenant: TERRL is 5,000 and its code 5.7.232
 * @param terrlInSession   refuse over TERRL in the session (at the end of DATA) instead of accepting and sending NDRs
 */
public record TenantRules(BasicAuth basicAuth, boolean legacyTls, SendAsCheck sendAsCheck, SlotModel slotModel,
        int licences, boolean trialTenant, boolean terrlInSession) {

    public static TenantRules defaults() {
        return new TenantRules(Settings.BASIC_AUTH.defaultValue(), Settings.LEGACY_TLS.defaultValue(),
                Settings.SEND_AS_CHECK.defaultValue(), Settings.SLOT_MODEL.defaultValue(),
                Settings.LICENCES.defaultValue(), Settings.TRIAL_TENANT.defaultValue(),
                Settings.TERRL_IN_SESSION.defaultValue());
    }

    /** External recipients the tenant may send to per rolling 24 hours: 500 × licences^0.7 + 9,500 (trial 5,000). */
    public int externalRecipientLimit() {
        return trialTenant ? 5_000 : (int) Math.floor(500 * Math.pow(licences, 0.7) + 9_500);
    }

    /** The NDR (or in-session refusal) over the limit. */
    public String externalLimitReply() {
        return trialTenant ? Replies.TENANT_EXTERNAL_LIMIT_TRIAL : Replies.TENANT_EXTERNAL_LIMIT;
    }
}
