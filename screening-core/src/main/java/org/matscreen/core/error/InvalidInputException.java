package org.matscreen.core.error;

import java.util.Objects;

/**
 * A mistake in something the user supplied (a campaign file, a potential file, a command-line value), reported with
 * where it is ({@link #source()}: a file path or an option name), which field, and why it is wrong. The CLI prints it
 * without a stack trace and exits with the "invalid input" code.
 */
public class InvalidInputException extends MatscreenException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String field;
    private final String reason;

    public InvalidInputException(String source, String field, String reason) {
        super(format(source, field, reason));
        this.source = Objects.requireNonNull(source, "source");
        this.field = Objects.requireNonNull(field, "field");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private static String format(String source, String field, String reason) {
        return source + ": " + (field.isEmpty() ? "" : "field '" + field + "': ") + reason;
    }

    /** File path or option name the bad value came from. */
    public String source() {
        return source;
    }

    /** Dotted path of the offending field inside the source, e.g. {@code space.elements[2]}; empty if not applicable. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** The same error attributed to another source, e.g. when a validator only knew the field. */
    public InvalidInputException withSource(String newSource) {
        return new InvalidInputException(newSource, field, reason);
    }
}
