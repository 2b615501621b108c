package org.submitlab.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import java.io.IOException;

/** Finds where in a JSON text a pointer such as {@code /devices/2/schedule/every} is written. */
final class JsonLocator {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private JsonLocator() {
    }

    /** Line and column of the pointer's field, or of its closest written parent; {0, 0} when unknown. */
    static int[] find(String json, String pointer) {
        String p = pointer;
        while (true) {
            int[] found = exact(json, JsonPointer.compile(p));
            if (found != null || p.isEmpty()) {
                return found == null ? new int[] {0, 0} : found;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    private static int[] exact(String json, JsonPointer target) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            while (parser.nextToken() != null) {
                if (parser.getParsingContext().pathAsPointer().equals(target)) {
                    JsonLocation loc = parser.currentTokenLocation();
                    return new int[] {loc.getLineNr(), loc.getColumnNr()};
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** {@code /devices/2/schedule/every} as {@code devices[2].schedule.every}. */
    static String readable(String pointer) {
        StringBuilder b = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                b.append('[').append(part).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return b.toString();
    }
}
