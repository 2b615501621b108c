package org.submitlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Binding and reading nullable values; times are epoch milliseconds (UTC). */
final class Sql {

    private Sql() {
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    static void setBoolean(PreparedStatement ps, int index, Boolean value) throws SQLException {
        setLong(ps, index, value == null ? null : value ? 1L : 0L);
    }

    static void setTime(PreparedStatement ps, int index, Instant value) throws SQLException {
        setLong(ps, index, value == null ? null : value.toEpochMilli());
    }

    static Optional<Long> getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    static Instant getTime(ResultSet rs, String column) throws SQLException {
        return getLong(rs, column).map(Instant::ofEpochMilli).orElse(null);
    }

    static boolean getBoolean(ResultSet rs, String column) throws SQLException {
        return rs.getLong(column) != 0;
    }

    /** A LIKE pattern matching {@code text} anywhere, with LIKE's wildcards escaped ({@code ESCAPE '\'}). */
    static String containsPattern(String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
