package org.matscreen.core.util;

import java.nio.file.Path;

/**
 * Folders on this machine's local disk for what one node keeps for itself (worker folders, generated potentials): under
 * {@code java.io.tmpdir}, one per user, so that users sharing a node never share, nor fight over, each other's files.
 */
public final class NodeFolders {
    private NodeFolders() {}

    /** The folder {@code <java.io.tmpdir>/<name>-<user>} (not created here). */
    public static Path of(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), name + "-" + System.getProperty("user.name"));
    }
}
