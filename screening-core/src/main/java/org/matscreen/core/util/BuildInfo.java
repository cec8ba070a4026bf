package org.matscreen.core.util;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Version and git commit of this matscreen build (written at build time), and the host name, for provenance. */
public final class BuildInfo {
    private static final Properties PROPS = new Properties();
    private static volatile String host;

    static {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/matscreen/core/build.properties")) {
            if (in != null) {
                PROPS.load(in);
            }
        } catch (IOException e) {
            // provenance falls back to "unknown"
        }
    }

    private BuildInfo() {}

    public static String version() {
        return value("version");
    }

    /** Git commit of the build, or "unknown" when built outside a git checkout. */
    public static String commit() {
        return value("commit");
    }

    private static String value(String key) {
        String v = PROPS.getProperty(key, "").strip();
        return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    }

    /** This machine's host name, without a DNS lookup where the system can tell it directly. */
    public static String host() {
        String h = host;
        if (h == null) {
            h = System.getenv("HOSTNAME");
            if (h == null || h.isBlank()) {
                try {
                    h = Files.readString(Path.of("/etc/hostname")).strip();
                } catch (IOException | RuntimeException e) {
                    h = "";
                }
            }
            if (h.isBlank()) {
                try {
                    h = InetAddress.getLocalHost().getHostName();
                } catch (IOException e) {
                    h = "unknown";
                }
            }
            host = h;
        }
        return h;
    }
}
