package org.matscreen.repository.filter;

import java.util.OptionalInt;
import org.matscreen.core.error.InvalidInputException;

/**
 * A filter that cannot be run, carrying the HTTP status OPTIMADE prescribes for it: {@value #BAD_REQUEST} for a
 * syntax error or a filter that is wrong for the properties it names (unknown property, operator that does not
 * apply to the property's type), {@value #NOT_IMPLEMENTED} for a valid filter that uses a construct this
 * implementation does not support (an OPTIONAL feature, a type conversion, a number out of range).
 *
 * <p>It extends {@link InvalidInputException} rather than the bare root because, from the command line, both kinds are
 * the user's filter being unusable as written: the CLI already prints such errors without a stack trace and exits with
 * the "invalid input" code, and {@code source/field/reason} map naturally onto "the filter (or the {@code --where}
 * option), the offending property, what is wrong and where". The HTTP server reads {@link #httpStatus()} instead.
 */
public final class FilterException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** HTTP status for a malformed or inapplicable filter. */
    public static final int BAD_REQUEST = 400;
    /** HTTP status for a valid filter using a construct that is not supported here. */
    public static final int NOT_IMPLEMENTED = 501;

    private static final String DEFAULT_SOURCE = "filter";

    private final int httpStatus;
    private final int position;

    private FilterException(String source, String field, String reason, int httpStatus, int position) {
        super(source, field, reason);
        this.httpStatus = httpStatus;
        this.position = position;
    }

    /**
     * A syntax error at {@code position} (0-based offset into the filter text); the message reports it as a 1-based
     * column, which is what a person counts.
     */
    static FilterException syntax(int position, String reason) {
        return new FilterException(DEFAULT_SOURCE, "", "syntax error at column " + (position + 1) + ": " + reason,
                BAD_REQUEST, position);
    }

    /** A construct at {@code position} that parses but is not supported (e.g. a number beyond double range). */
    static FilterException notImplementedAt(int position, String reason) {
        return new FilterException(DEFAULT_SOURCE, "", "not implemented at column " + (position + 1) + ": " + reason,
                NOT_IMPLEMENTED, position);
    }

    /** A well-formed filter that is wrong for the property {@code property} (may be empty). */
    public static FilterException badRequest(String property, String reason) {
        return new FilterException(DEFAULT_SOURCE, property, reason, BAD_REQUEST, -1);
    }

    /**
     * A well-formed filter using an unsupported construct on {@code property} (may be empty); what a translating
     * backend throws for a node it cannot express.
     */
    public static FilterException notImplemented(String property, String reason) {
        return new FilterException(DEFAULT_SOURCE, property, "not implemented: " + reason, NOT_IMPLEMENTED, -1);
    }

    /** {@value #BAD_REQUEST} or {@value #NOT_IMPLEMENTED}. */
    public int httpStatus() {
        return httpStatus;
    }

    /** 0-based offset into the filter text where the problem was found; empty for errors found after parsing. */
    public OptionalInt position() {
        return position < 0 ? OptionalInt.empty() : OptionalInt.of(position);
    }

    /** The same error attributed to another source (e.g. {@code --where}), keeping its status and position. */
    @Override
    public FilterException withSource(String newSource) {
        return new FilterException(newSource, field(), reason(), httpStatus, position);
    }
}
