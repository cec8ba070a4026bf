package org.matscreen.repository;

import org.matscreen.core.error.InvalidInputException;

/**
 * Another live writer holds an overlapping part of the repository. Reported like bad input (exit code 2): the user
 * chose an output that is in use, and the message says who uses it and how to take over if it is gone.
 */
public final class RepositoryLockedException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public RepositoryLockedException(String repository, String reason) {
        super(repository, "", reason);
    }
}
