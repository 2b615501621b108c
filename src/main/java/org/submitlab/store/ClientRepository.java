package org.submitlab.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The device inventory of Live: every real client seen, kept across restarts (see {@link ClientSighting}). */
public final class ClientRepository {

    private static final String COLUMNS = "ehlo, address, login, mechanism, tls, cipher, first_seen, last_seen, sessions,"
            + " auth_failures, accepted, refusals, send_as, messages, max_size, total_size, peak_in_flight, slot_limit";
    private static final String UPSERT = "INSERT INTO clients (" + COLUMNS + ") VALUES"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ehlo, address, login, mechanism) DO UPDATE SET"
            + " tls = excluded.tls, cipher = excluded.cipher, first_seen = excluded.first_seen,"
            + " last_seen = excluded.last_seen, sessions = excluded.sessions, auth_failures = excluded.auth_failures,"
            + " accepted = excluded.accepted, refusals = excluded.refusals, send_as = excluded.send_as,"
            + " messages = excluded.messages, max_size = excluded.max_size, total_size = excluded.total_size,"
            + " peak_in_flight = excluded.peak_in_flight, slot_limit = excluded.slot_limit";
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() { };

    private final Database db;

    ClientRepository(Database db) {
        this.db = db;
    }

    /** Adds one session's sighting to the client it belongs to, on the writer (in the background). */
    public void addLater(ClientSighting session) {
        db.writeAsync("keep the client " + session.ehlo() + " " + session.address(), s -> {
            PreparedStatement find = s.prepare("SELECT " + COLUMNS + " FROM clients WHERE ehlo = ? AND address = ?"
                    + " AND login = ? AND mechanism = ?");
            find.setString(1, session.ehlo());
            find.setString(2, session.address());
            find.setString(3, session.login());
            find.setString(4, session.mechanism());
            ClientSighting merged = session;
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    merged = sighting(rs).plus(session);
                }
            }
            PreparedStatement ps = s.prepare(UPSERT);
            int i = 1;
            ps.setString(i++, merged.ehlo());
            ps.setString(i++, merged.address());
            ps.setString(i++, merged.login());
            ps.setString(i++, merged.mechanism());
            ps.setString(i++, merged.tls());
            ps.setString(i++, merged.cipher());
            Sql.setTime(ps, i++, merged.firstSeen());
            Sql.setTime(ps, i++, merged.lastSeen());
            ps.setLong(i++, merged.sessions());
            ps.setLong(i++, merged.authFailures());
            ps.setLong(i++, merged.accepted());
            ps.setString(i++, json(merged.refusals()));
            ps.setString(i++, Json.strings(merged.sendAs()));
            ps.setLong(i++, merged.messages());
            ps.setLong(i++, merged.maxSize());
            ps.setLong(i++, merged.totalSize());
            ps.setInt(i++, merged.peakInFlight());
            ps.setInt(i, merged.limit());
            ps.executeUpdate();
            return null;
        });
    }

    /** Every client seen, the most recently seen first. */
    public List<ClientSighting> list() {
        return db.read("list clients", c -> {
            List<ClientSighting> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM clients ORDER BY last_seen DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(sighting(rs));
                }
            }
            return out;
        });
    }

    private static ClientSighting sighting(ResultSet rs) throws SQLException {
        try {
            return new ClientSighting(rs.getString("ehlo"), rs.getString("address"), rs.getString("login"),
                    rs.getString("mechanism"), rs.getString("tls"), rs.getString("cipher"), Sql.getTime(rs, "first_seen"),
                    Sql.getTime(rs, "last_seen"), rs.getLong("sessions"), rs.getLong("auth_failures"),
                    rs.getLong("accepted"), Json.MAPPER.readValue(rs.getString("refusals"), COUNTS),
                    Json.strings(rs.getString("send_as")), rs.getLong("messages"), rs.getLong("max_size"),
                    rs.getLong("total_size"), rs.getInt("peak_in_flight"), rs.getInt("slot_limit"));
        } catch (JsonProcessingException e) {
            throw new SQLException("a client's refusal counts are not JSON: " + e.getMessage(), e);
        }
    }

    private static String json(Map<String, Long> counts) {
        try {
            return Json.MAPPER.writeValueAsString(new java.util.TreeMap<>(counts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write refusal counts", e);
        }
    }
}
