package org.matscreen.cli;

import org.matscreen.core.error.MatscreenException;

/** The LAMMPS library (or another native piece) is not usable here; the message carries the fix. */
final class NativeUnavailableException extends MatscreenException {
    private static final long serialVersionUID = 1L;

    NativeUnavailableException(String message) {
        super(message);
    }
}
