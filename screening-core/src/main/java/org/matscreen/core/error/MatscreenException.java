package org.matscreen.core.error;

/**
 * Root of every exception matscreen throws on purpose. Unchecked, like jhdf's {@code HdfException}: callers that
 * can do something useful catch a subclass; everybody else lets it reach the CLI, which maps it to an exit code.
 */
public class MatscreenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MatscreenException(String message) {
        super(message);
    }

    public MatscreenException(String message, Throwable cause) {
        super(message, cause);
    }
}
