package org.submitlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.submitlab.policy.Profile;
import org.submitlab.policy.TenantSettings;

/** The tenant's settings: one row. */
public final class SettingsRepository {

    private static final String UPSERT = """
            INSERT INTO settings (id, profile, smtp_auth_enabled, host_name, deliver_to_header_recipients,
              rewrite_display_name, limits, rules)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET profile = excluded.profile,
              smtp_auth_enabled = excluded.smtp_auth_enabled, host_name = excluded.host_name,
              deliver_to_header_recipients = excluded.deliver_to_header_recipients,
              rewrite_display_name = excluded.rewrite_display_name, limits = excluded.limits,
              rules = excluded.rules""";

    private final Database db;

    SettingsRepository(Database db) {
        this.db = db;
    }

    /** The saved settings, or {@link TenantSettings#defaults()} when none were saved. */
    public TenantSettings load() {
        return db.read("load the tenant settings", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM settings WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return TenantSettings.defaults();
                }
                try {
                    return LimitsJson.readRules(rs.getString("rules"), new TenantSettings(
                            Profile.byId(rs.getString("profile")),
                            Sql.getBoolean(rs, "smtp_auth_enabled"),
                            LimitsJson.read(rs.getString("limits")),
                            rs.getString("host_name"),
                            Sql.getBoolean(rs, "deliver_to_header_recipients"),
                            Sql.getBoolean(rs, "rewrite_display_name")));
                } catch (IllegalArgumentException e) {
                    throw new StoreException("The tenant settings in " + db.file() + " are invalid: "
                            + e.getMessage(), e);
                }
            }
        });
    }

    /** Saves {@code s} and waits for the commit. */
    public void save(TenantSettings s) {
        String limits = LimitsJson.write(s.limits());
        String rules = LimitsJson.writeRules(s);
        db.write("save the tenant settings", w -> {
            PreparedStatement ps = w.prepare(UPSERT);
            ps.setString(1, s.profile().id());
            Sql.setBoolean(ps, 2, s.smtpAuthEnabled());
            ps.setString(3, s.hostName());
            Sql.setBoolean(ps, 4, s.deliverToHeaderRecipients());
            Sql.setBoolean(ps, 5, s.rewriteDisplayName());
            ps.setString(6, limits);
            ps.setString(7, rules);
            ps.executeUpdate();
            return null;
        });
    }
}
