package org.submitlab.app.compare;

/**
 * A problem and the remedy Microsoft recommends for it, as two presets played side by side.
 *
 * @param id           short name, e.g. {@code printers} ({@code simulate --compare-pair printers})
 * @param problem      the preset that shows the problem
 * @param remedy       the preset that applies the remedy to the same load
 * @param explanation  one line: what the remedy changes and what to watch
 */
public record RemedyPair(String id, String title, String problem, String remedy, String explanation) {
}
