package org.submitlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.policy.ErrorThrottle;
import org.submitlab.policy.LoginLockout;
import org.submitlab.policy.RefusalKind;

/**
 * The policy's guards that must outlive a restart: login lockouts (with failure streaks) and
 * continuous-error throttling. Writes are asynchronous and take the state as it is when the writer
 * runs, so writes queued from several threads can never leave an older state on disk.
 */
public final class GuardRepository {

    private static final Logger LOG = LoggerFactory.getLogger(GuardRepository.class);
    private static final String UPSERT_LOCKOUT = """
            INSERT INTO login_lockouts (name, failures, last_failure, locked_until) VALUES (?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure,
              locked_until = excluded.locked_until""";
    private static final String UPSERT_THROTTLE = """
            INSERT INTO error_throttles (mailbox, streak_kind, streak, throttled_kind, throttled_until)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (mailbox) DO UPDATE SET streak_kind = excluded.streak_kind, streak = excluded.streak,
              throttled_kind = excluded.throttled_kind, throttled_until = excluded.throttled_until""";

    private final Database db;

    GuardRepository(Database db) {
        this.db = db;
    }

    /** Every kept lockout state. */
    public List<LoginLockout.State> lockouts() {
        return db.read("read login lockouts", c -> {
            List<LoginLockout.State> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, failures, last_failure, locked_until FROM login_lockouts ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LoginLockout.State(rs.getString(1), rs.getInt(2), Sql.getTime(rs, "last_failure"),
                            Sql.getTime(rs, "locked_until")));
                }
            }
            return out;
        });
    }

    /** Every kept throttling state, by mailbox. */
    public Map<String, ErrorThrottle.State> throttles() {
        return db.read("read error throttles", c -> {
            Map<String, ErrorThrottle.State> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT mailbox, streak_kind, streak, throttled_kind,"
                    + " throttled_until FROM error_throttles ORDER BY mailbox");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new ErrorThrottle.State(kind(rs.getString(2)), rs.getInt(3),
                            kind(rs.getString(4)), Sql.getTime(rs, "throttled_until")));
                }
            }
            return out;
        });
    }

    /** Queues a write of {@code name}'s lockout state as {@code current} gives it then (empty: forget it). */
    public void saveLockoutLater(String name, Supplier<Optional<LoginLockout.State>> current) {
        later("keep the lockout of " + name, s -> {
            Optional<LoginLockout.State> state = current.get();
            if (state.isEmpty()) {
                PreparedStatement ps = s.prepare("DELETE FROM login_lockouts WHERE name = ?");
                ps.setString(1, name);
                ps.executeUpdate();
                return null;
            }
            LoginLockout.State l = state.get();
            PreparedStatement ps = s.prepare(UPSERT_LOCKOUT);
            ps.setString(1, name);
            ps.setInt(2, l.failures());
            Sql.setTime(ps, 3, l.lastFailure());
            Sql.setTime(ps, 4, l.lockedUntil());
            ps.executeUpdate();
            return null;
        });
    }

    /** Queues a write of {@code mailbox}'s throttling state as {@code current} gives it then (empty: forget it). */
    public void saveThrottleLater(String mailbox, Supplier<Optional<ErrorThrottle.State>> current) {
        later("keep the throttling of " + mailbox, s -> {
            Optional<ErrorThrottle.State> state = current.get();
            if (state.isEmpty()) {
                PreparedStatement ps = s.prepare("DELETE FROM error_throttles WHERE mailbox = ?");
                ps.setString(1, mailbox);
                ps.executeUpdate();
                return null;
            }
            ErrorThrottle.State t = state.get();
            PreparedStatement ps = s.prepare(UPSERT_THROTTLE);
            ps.setString(1, mailbox);
            ps.setString(2, t.streakKind() == null ? null : t.streakKind().name());
            ps.setInt(3, t.streak());
            ps.setString(4, t.throttledKind() == null ? null : t.throttledKind().name());
            Sql.setTime(ps, 5, t.throttledUntil());
            ps.executeUpdate();
            return null;
        });
    }

    private void later(String what, WriteTask<Void> task) {
        db.writeAsync(what, task).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("Could not {}: {}", what, failure.getMessage());
            }
        });
    }

    private static RefusalKind kind(String name) {
        if (name == null) {
            return null;
        }
        try {
            return RefusalKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new StoreException("Unknown refusal kind '" + name + "' in error_throttles", e);
        }
    }
}
