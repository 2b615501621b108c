package org.submitlab.sim;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Loads scenarios from files and the presets shipped with the app. */
public final class Scenarios {

    /** The presets, in the order the console lists them. */
    private static final List<String> PRESETS = List.of("printers-sharing-mailbox", "newsletter-one-mailbox",
            "alert-storm", "per-recipient-tracking", "mailbox-per-device", "newsletter-batches",
            "newsletter-distribution-group", "alert-storm-relay", "app-on-basic-auth", "app-moved-to-hve");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private Scenarios() {
    }

    /** Reads and checks a scenario file; {@link ScenarioException} names the line and field of any problem. */
    public static Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file.toString(), 0, 0, "", "no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ScenarioException(file.toString(), 0, 0, "", "is not a text file: a scenario is JSON text in "
                    + "UTF-8 (see docs/scenarios.md)");
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), 0, 0, "", "cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** A preset by name (see {@link #presetNames()}). */
    public static Scenario preset(String name) {
        if (!PRESETS.contains(name)) {
            throw new IllegalArgumentException("no preset named '" + name + "'; choose one of " + String.join(", ", PRESETS));
        }
        return parse(presetText(name), "preset " + name);
    }

    public static List<String> presetNames() {
        return PRESETS;
    }

    /** The JSON text of a preset, as shipped (also in assets/scenarios/NAME.json). */
    public static String presetText(String name) {
        try (InputStream in = Scenarios.class.getResourceAsStream("presets/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("preset " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses scenario JSON; {@code source} names it in error messages. */
    public static Scenario parse(String text, String source) {
        ScenarioJson.File file;
        try {
            file = MAPPER.readValue(text, ScenarioJson.File.class);
        } catch (JsonProcessingException e) {
            throw translate(e, source);
        }
        return new ScenarioParser(source, text).parse(file);
    }

    private static ScenarioException translate(JsonProcessingException e, String source) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        int column = loc == null ? 0 : loc.getColumnNr();
        String field = "";
        String problem = plainSyntax(e.getOriginalMessage());
        if (e instanceof JsonMappingException m) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining());
            if (field.startsWith(".")) {
                field = field.substring(1);
            }
            if (m instanceof UnrecognizedPropertyException u) {
                problem = "unknown field '" + u.getPropertyName() + "'; known fields here: "
                        + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            } else {
                problem = simplify(problem);
            }
        }
        return new ScenarioException(source, line, column, field, problem);
    }

    /** Jackson's syntax errors in the words of someone editing a file. */
    static String plainSyntax(String message) {
        String m = message == null ? "the file is not valid JSON" : message;
        java.util.regex.Matcher unexpected = java.util.regex.Pattern
                .compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\)(?:: (.*))?", java.util.regex.Pattern.DOTALL)
                .matcher(m);
        if (unexpected.lookingAt()) {
            String ch = unexpected.group(1);
            String expected = unexpected.group(2) == null ? "" : unexpected.group(2).split("\\R")[0];
            if (expected.contains("double-quote to start field name")) {
                return "'" + ch + "' where a field name in double quotes was expected (a comma too many before it?)";
            }
            if (expected.contains("comma to separate")) {
                return "'" + ch + "' where a comma or a closing bracket was expected (a comma missing?)";
            }
            if (expected.contains("colon to separate")) {
                return "'" + ch + "' where a colon between a field name and its value was expected";
            }
            return "'" + ch + "' is not expected here" + (expected.isEmpty() ? "" : " (" + expected + ")");
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "the file ends too early: a closing } or ] or quote is missing";
        }
        if (m.startsWith("Unrecognized token")) {
            java.util.regex.Matcher t = java.util.regex.Pattern.compile("Unrecognized token '(.*?)'").matcher(m);
            return (t.find() ? "'" + t.group(1) + "'" : "a word") + " is not a JSON value: text needs double quotes, "
                    + "and true, false and null are written in lower case";
        }
        if (m.startsWith("Duplicate field")) {
            return m.split("\\R")[0].replace("Duplicate field", "the field") + " appears twice";
        }
        return m.split("\\R")[0];
    }

    /** Jackson names Java types; say what the file should contain instead. */
    private static String simplify(String message) {
        String m = message == null ? "invalid value" : message;
        m = m.replaceAll("`java\\.lang\\.(Integer|Long)`", "a whole number")
                .replaceAll("`java\\.lang\\.Double`", "a number")
                .replaceAll("`java\\.lang\\.String`", "a string")
                .replaceAll("`java\\.lang\\.Boolean`", "true or false")
                .replaceAll("`java\\.util\\.(ArrayList|List)<[^>]*>`", "a list")
                .replaceAll("`org\\.submitlab\\.sim\\.ScenarioJson\\$\\w+`", "an object")
                .replaceAll("`java\\.util\\.(LinkedHashMap|Map)<[^>]*>`", "an object");
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
