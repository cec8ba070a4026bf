package org.matscreen.core.error;

/**
 * A simulation code failed on a candidate: LAMMPS reported an error, its worker process died, or it ran out of time.
 * Carries the text the code printed so the result record can keep it.
 */
public class NativeCodeException extends MatscreenException {
    private static final long serialVersionUID = 1L;

    public NativeCodeException(String message) {
        super(message);
    }

    public NativeCodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
