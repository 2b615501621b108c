package org.submitlab.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.submitlab.policy.ConnectionLimits;
import org.submitlab.policy.Limits;

/**
 * {@link Limits} as a JSON object, durations as ISO-8601 text. A limit missing from stored JSON (one added
 * by a later version) takes its default, so new limits need no schema migration.
 */
final class LimitsJson {

    private LimitsJson() {
    }

    static String write(Limits l) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("concurrentPerMailbox", l.concurrentPerMailbox());
        o.put("countWholeConnections", l.countWholeConnections());
        o.put("recipientsPerDay", l.recipientsPerDay());
        o.put("messagesPerMinute", l.messagesPerMinute());
        o.put("rejectOverRate", l.rejectOverRate());
        o.put("recipientsPerMessage", l.recipientsPerMessage());
        o.put("maxMessageSize", l.maxMessageSize());
        o.put("sendLimitBytes", l.sendLimitBytes());
        o.put("quotaBytes", l.quotaBytes());
        o.put("throttleAfterErrors", l.throttleAfterErrors());
        o.put("throttleFor", l.throttleFor().toString());
        o.put("lockoutAfterFailures", l.lockoutAfterFailures());
        o.put("lockoutFor", l.lockoutFor().toString());
        o.put("idleTimeout", l.idleTimeout().toString());
        ConnectionLimits c = l.connections();
        ObjectNode n = o.putObject("connections");
        n.put("maxConnections", c.maxConnections());
        n.put("perAddress", c.perAddress());
        n.put("authenticationTimeout", c.authenticationTimeout().toString());
        n.put("commandLineTimeout", c.commandLineTimeout().toString());
        n.put("dataGracePeriod", c.dataGracePeriod().toString());
        n.put("dataMinBytesPerSecond", c.dataMinBytesPerSecond());
        n.put("sessionTimeout", c.sessionTimeout().toString());
        return o.toString();
    }

    static Limits read(String json) {
        JsonNode o;
        try {
            o = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the stored limits are not JSON: " + e.getOriginalMessage(), e);
        }
        Limits d = Limits.defaults();
        return new Limits(
                o.path("concurrentPerMailbox").asInt(d.concurrentPerMailbox()),
                o.path("countWholeConnections").asBoolean(d.countWholeConnections()),
                o.path("recipientsPerDay").asInt(d.recipientsPerDay()),
                o.path("messagesPerMinute").asInt(d.messagesPerMinute()),
                o.path("rejectOverRate").asBoolean(d.rejectOverRate()),
                o.path("recipientsPerMessage").asInt(d.recipientsPerMessage()),
                o.path("maxMessageSize").asLong(d.maxMessageSize()),
                o.path("sendLimitBytes").asLong(d.sendLimitBytes()),
                o.path("quotaBytes").asLong(d.quotaBytes()),
                o.path("throttleAfterErrors").asInt(d.throttleAfterErrors()),
                duration(o, "throttleFor", d.throttleFor()),
                o.path("lockoutAfterFailures").asInt(d.lockoutAfterFailures()),
                duration(o, "lockoutFor", d.lockoutFor()),
                duration(o, "idleTimeout", d.idleTimeout()),
                connections(o.path("connections"), d.connections()));
    }

    private static ConnectionLimits connections(JsonNode n, ConnectionLimits d) {
        return new ConnectionLimits(
                n.path("maxConnections").asInt(d.maxConnections()),
                n.path("perAddress").asInt(d.perAddress()),
                duration(n, "authenticationTimeout", d.authenticationTimeout()),
                duration(n, "commandLineTimeout", d.commandLineTimeout()),
                duration(n, "dataGracePeriod", d.dataGracePeriod()),
                n.path("dataMinBytesPerSecond").asInt(d.dataMinBytesPerSecond()),
                duration(n, "sessionTimeout", d.sessionTimeout()));
    }

    private static Duration duration(JsonNode o, String field, Duration fallback) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? fallback : Duration.parse(n.asText());
    }
}
