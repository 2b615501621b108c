package org.submitlab.sim;

/** A scenario file that cannot be used; the message names the file, line, column and field. */
public final class ScenarioException extends RuntimeException {

    private final String source;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    public ScenarioException(String source, int line, int column, String field, String problem) {
        super(source + (line > 0 ? ", line " + line + (column > 0 ? ", column " + column : "") : "")
                + (field.isEmpty() ? "" : ", field " + field) + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    /** What is wrong, in plain words, without the place. */
    public String problem() {
        return problem;
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The field in path form, e.g. {@code devices[2].schedule.every}; empty for the whole file. */
    public String field() {
        return field;
    }
}
