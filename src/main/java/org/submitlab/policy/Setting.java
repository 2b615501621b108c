package org.submitlab.policy;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One tenant setting, defined once: its key (scenario and store JSON), its command-line option, its
 * label and help, its type, range and default, and where it lives in {@link TenantSettings}. The CLI,
 * the console's property sheet and both JSON forms read this definition; {@link Settings} lists them.
 *
 * @param <T> Integer, Long, Boolean, Duration, String or an enum
 */
public final class Setting<T> {

    /** How a value is written and read as text. */
    public enum Kind { COUNT, BYTES, SWITCH, DURATION, TEXT, CHOICE }

    private final String key;
    private final List<String> path;
    private final String label;
    private final String group;
    private final Kind kind;
    private final Class<T> type;
    private final T defaultValue;
    private final long min;
    private final long max;
    private final String exchange;
    private final String help;
    private final Function<TenantSettings, T> get;

    Setting(String key, List<String> path, String label, String group, Kind kind, Class<T> type, T defaultValue,
            long min, long max, String exchange, String help, Function<TenantSettings, T> get) {
        this.key = key;
        this.path = List.copyOf(path);
        this.label = label;
        this.group = group;
        this.kind = kind;
        this.type = type;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.exchange = exchange;
        this.help = help;
        this.get = get;
        check(defaultValue);
    }

    /** The JSON field name in scenario files and the store, e.g. {@code recipientsPerDay}. */
    public String key() {
        return key;
    }

    /** Where it lives in {@link TenantSettings}: record components, e.g. [limits, connections, perAddress]. */
    public List<String> path() {
        return path;
    }

    /** The command-line option, e.g. {@code --recipients-per-day}. */
    public String option() {
        return "--" + key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** The property sheet's category. */
    public String group() {
        return group;
    }

    public Kind kind() {
        return kind;
    }

    public Class<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** Smallest allowed value (counts and bytes as is, durations in milliseconds). */
    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** What Exchange Online does, e.g. "Exchange: 3", or "unconfirmed for Exchange". */
    public String exchange() {
        return exchange;
    }

    public String help() {
        return help;
    }

    /** The help line the CLI and the property sheet show: what it is, its range and Exchange's value. */
    public String description() {
        return help + " (" + range() + ")";
    }

    /** The values it takes and Exchange's, e.g. "1 to 1,000; Exchange: 3". */
    public String range() {
        return switch (kind) {
            case COUNT, BYTES -> number(min) + " to " + number(max) + "; " + exchange;
            case DURATION -> Durations.format(Duration.ofMillis(min)) + " to "
                    + Durations.format(Duration.ofMillis(max)) + "; " + exchange;
            case SWITCH -> "on or off; " + exchange;
            case CHOICE -> String.join(", ", choices()) + "; " + exchange;
            case TEXT -> exchange;
        };
    }

    public T get(TenantSettings s) {
        return get.apply(s);
    }

    /** {@code s} with this setting at {@code value}; IllegalArgumentException naming the setting when out of range. */
    public TenantSettings with(TenantSettings s, T value) {
        check(value);
        return RecordPaths.with(s, path, value);
    }

    /** Throws IllegalArgumentException saying what is allowed; nothing is ever clamped. */
    public void check(T value) {
        Objects.requireNonNull(value, () -> label + " is missing");
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(label + " must be a " + type.getSimpleName() + ", was " + value);
        }
        long v = switch (kind) {
            case COUNT, BYTES -> ((Number) value).longValue();
            case DURATION -> ((Duration) value).toMillis();
            default -> min;
        };
        if (kind == Kind.DURATION && (((Duration) value).isNegative() || ((Duration) value).isZero())) {
            throw new IllegalArgumentException(label + " must be a positive duration, was " + value);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(label + " must be between " + text(min) + " and " + text(max)
                    + ", was " + format(value));
        }
        if (kind == Kind.TEXT && ((String) value).isBlank()) {
            throw new IllegalArgumentException(label + " must not be empty");
        }
    }

    /** Reads a value as a person or a file writes it: "10,000", "35MB", "on", "15m", "exchange-online". */
    public T parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(label + " is missing");
        }
        String t = text.trim();
        Object v = switch (kind) {
            case COUNT -> parseNumber(t);
            case BYTES -> parseBytes(t);
            case SWITCH -> parseSwitch(t);
            case DURATION -> parseDuration(t);
            case TEXT -> t;
            case CHOICE -> parseChoice(t);
        };
        T value = type.cast(type == Integer.class ? Integer.valueOf(Math.toIntExact((Long) v)) : v);
        check(value);
        return value;
    }

    /** The value as {@link #parse} reads it back (durations like "15m", choices by their id). */
    public String format(T value) {
        if (value instanceof Duration d) {
            return Durations.formatExact(d);
        }
        if (value instanceof Boolean b) {
            return b ? "on" : "off";
        }
        if (value instanceof Profile p) {
            return p.id();
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return String.valueOf(value);
    }

    /** The allowed values of a choice, as {@link #parse} reads them. */
    public List<String> choices() {
        if (kind != Kind.CHOICE) {
            return List.of();
        }
        return Arrays.stream(type.getEnumConstants()).map(this::format).toList();
    }

    private long parseNumber(String t) {
        try {
            return Long.parseLong(t.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a whole number, was '" + t + "'");
        }
    }

    private long parseBytes(String t) {
        String u = t.toUpperCase(Locale.ROOT).replace(",", "").replace(" ", "");
        long factor = 1;
        for (String[] s : new String[][] {{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"B", "1"}}) {
            if (u.endsWith(s[0])) {
                factor = Long.parseLong(s[1]);
                u = u.substring(0, u.length() - s[0].length());
                break;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(u), factor);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(label + " must be a size like 35MB or 36700160, was '" + t + "'");
        }
    }

    private boolean parseSwitch(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(label + " must be on or off, was '" + t + "'");
        };
    }

    private Duration parseDuration(String t) {
        try {
            return t.toUpperCase(Locale.ROOT).startsWith("P") ? Duration.parse(t) : Durations.parse(t);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(label + " must be a duration like 30s, 15m or 2h, was '" + t + "'");
        }
    }

    private Object parseChoice(String t) {
        for (T c : type.getEnumConstants()) {
            if (format(c).equalsIgnoreCase(t) || ((Enum<?>) c).name().equalsIgnoreCase(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException(label + " must be one of " + String.join(", ", choices()) + ", was '" + t + "'");
    }

    private String text(long bound) {
        return kind == Kind.DURATION ? Durations.format(Duration.ofMillis(bound)) : number(bound);
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    @Override
    public String toString() {
        return key;
    }
}
