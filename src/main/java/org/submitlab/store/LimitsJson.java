package org.submitlab.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.submitlab.policy.Limits;
import org.submitlab.policy.Setting;
import org.submitlab.policy.Settings;
import org.submitlab.policy.TenantSettings;

/**
 * {@link Limits} as a JSON object laid out like the record ({@code {"recipientsPerDay": 10000, "connections":
 * {"perAddress": 1200, …}}}), every value in its setting's text form. A limit missing from stored JSON (one
 * added by a later version) takes its default, so new limits need no schema migration.
 */
final class LimitsJson {

    private LimitsJson() {
    }

    static String write(Limits l) {
        TenantSettings s = TenantSettings.defaults().withLimits(l);
        ObjectNode o = Json.MAPPER.createObjectNode();
        for (Setting<?> setting : Settings.limits()) {
            put(o, setting.path().subList(1, setting.path().size()), text(setting, s));
        }
        return o.toString();
    }

    static Limits read(String json) {
        JsonNode o;
        try {
            o = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the stored limits are not JSON: " + e.getOriginalMessage(), e);
        }
        TenantSettings s = TenantSettings.defaults();
        for (Setting<?> setting : Settings.limits()) {
            JsonNode n = at(o, setting.path().subList(1, setting.path().size()));
            if (n != null && !n.isNull()) {
                s = Settings.withText(s, setting, n.asText());
            }
        }
        return s.limits();
    }

    /** The 2026 rules ({@link TenantRules}) as a flat JSON object, each by its setting's key. */
    static String writeRules(TenantSettings s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        for (Setting<?> setting : Settings.rules()) {
            o.put(setting.key(), text(setting, s));
        }
        return o.toString();
    }

    /** {@code base} with the rules stored in {@code json} (null: none stored yet; a missing rule keeps its default). */
    static TenantSettings readRules(String json, TenantSettings base) {
        if (json == null) {
            return base;
        }
        JsonNode o;
        try {
            o = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the stored rules are not JSON: " + e.getOriginalMessage(), e);
        }
        TenantSettings s = base;
        for (Setting<?> setting : Settings.rules()) {
            JsonNode n = o.get(setting.key());
            if (n != null && !n.isNull()) {
                s = Settings.withText(s, setting, n.asText());
            }
        }
        return s;
    }

    private static <T> String text(Setting<T> setting, TenantSettings s) {
        return setting.format(setting.get(s));
    }

    private static void put(ObjectNode o, List<String> path, String value) {
        ObjectNode at = o;
        for (String p : path.subList(0, path.size() - 1)) {
            at = at.has(p) ? (ObjectNode) at.get(p) : at.putObject(p);
        }
        at.put(path.get(path.size() - 1), value);
    }

    private static JsonNode at(JsonNode o, List<String> path) {
        JsonNode n = o;
        for (String p : path) {
            n = n == null ? null : n.get(p);
        }
        return n;
    }
}
