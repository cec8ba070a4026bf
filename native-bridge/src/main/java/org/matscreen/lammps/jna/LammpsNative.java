package org.matscreen.lammps.jna;

import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.matscreen.core.error.MatscreenException;

/**
 * Loads the LAMMPS library once per path and process, and answers the capability questions that need no instance.
 * Loading failures become a {@link MatscreenException} with the fix, never an {@link UnsatisfiedLinkError}.
 */
public final class LammpsNative {
    private static final ConcurrentHashMap<Path, LammpsLibrary> LOADED = new ConcurrentHashMap<>();

    private LammpsNative() {}

    public static LammpsLibrary load(Path library) {
        return LOADED.computeIfAbsent(library.toAbsolutePath(), p -> {
            try {
                return Native.load(p.toString(), LammpsLibrary.class);
            } catch (UnsatisfiedLinkError e) {
                throw new MatscreenException("cannot load the LAMMPS library " + p + ": " + e.getMessage()
                        + ". Is it a LAMMPS shared library built for this machine (" + System.getProperty("os.arch")
                        + ") with all its dependencies installed (check with: ldd " + p + ")?", e);
            }
        });
    }

    /** The library located from the environment and the explicit path, loaded. */
    public static LammpsLibrary locateAndLoad(String explicitPath) {
        LibraryLocator.Result r = LibraryLocator.locate(explicitPath);
        if (!r.found()) {
            throw new MatscreenException(r.fix());
        }
        return load(r.path());
    }

    /** Names of the packages compiled into the library, e.g. MANYBODY. */
    public static List<String> packages(LammpsLibrary lib) {
        List<String> names = new ArrayList<>();
        int n = lib.lammps_config_package_count();
        byte[] buf = new byte[256];
        for (int i = 0; i < n; i++) {
            if (lib.lammps_config_package_name(i, buf, buf.length) != 0) {
                names.add(cString(buf));
            }
        }
        return names;
    }

    static String cString(byte[] buf) {
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }
}
