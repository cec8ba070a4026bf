package org.matscreen.kim;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matscreen.core.error.MatscreenException;

/**
 * The KIM API library of this process, loaded once, with the constants its collections API needs. matscreen asks the
 * KIM API itself where a model is installed (its current-directory, environment-variable, user and system
 * collections, in the API's own order, with the system directories compiled into it), so what matscreen checksums is
 * what LAMMPS' {@code kim init} loads in the same environment.
 *
 * <p>Found in this order: {@value #ENV} (an explicit choice never falls back), the soname {@value #SONAME} through
 * the dynamic loader (where the library LAMMPS links is found: {@code LD_LIBRARY_PATH}, the loader cache), then
 * {@code libkim-api.so*} in {@code LD_LIBRARY_PATH} and the system library folders.
 */
public final class KimApi {
    public static final String ENV = "MATSCREEN_KIM_API_LIB";
    public static final String SONAME = "libkim-api.so.2";

    /** The outcome of looking for the library: the loaded API or every place tried. */
    public record Located(KimApi api, String library, String origin, List<String> tried) {
        public boolean found() {
            return api != null;
        }

        /** What to tell a user when nothing was found. */
        public String fix() {
            return "KIM API library not found (tried: " + String.join("; ", tried) + "). On Debian or Ubuntu run"
                    + " scripts/setup.sh (installs libkim-api2 and openkim-models); with Spack: spack install"
                    + " kim-api openkim-models and lammps +kim, then export " + ENV
                    + "=$(spack location -i kim-api)/lib/" + SONAME + " (lib64 on some systems).";
        }
    }

    private static Located located;

    private final KimApiLibrary lib;
    final int portableModel;
    final int modelDriver;
    final int simulatorModel;
    final int silent;
    /** Collection constants in the KIM API's search order, with their names. */
    final Map<String, Integer> collections;

    private KimApi(NativeLibrary nl) {
        this.lib = Native.load(nl.getName(), KimApiLibrary.class);
        this.portableModel = constant(nl, "KIM_COLLECTION_ITEM_TYPE_portableModel");
        this.modelDriver = constant(nl, "KIM_COLLECTION_ITEM_TYPE_modelDriver");
        this.simulatorModel = constant(nl, "KIM_COLLECTION_ITEM_TYPE_simulatorModel");
        this.silent = constant(nl, "KIM_LOG_VERBOSITY_silent");
        this.collections = new java.util.LinkedHashMap<>();
        collections.put("current working directory", constant(nl, "KIM_COLLECTION_currentWorkingDirectory"));
        collections.put("environment variable", constant(nl, "KIM_COLLECTION_environmentVariable"));
        collections.put("user", constant(nl, "KIM_COLLECTION_user"));
        collections.put("system", constant(nl, "KIM_COLLECTION_system"));
    }

    private static int constant(NativeLibrary nl, String name) {
        return nl.getGlobalVariableAddress(name).getInt(0);
    }

    KimApiLibrary lib() {
        return lib;
    }

    /** The KIM API of this process, located and loaded on first use. */
    public static synchronized Located locate() {
        if (located == null) {
            located = locate(System.getenv());
        }
        return located;
    }

    /** The loaded API, or a {@link MatscreenException} with the fix. */
    public static KimApi require() {
        Located l = locate();
        if (!l.found()) {
            throw new MatscreenException(l.fix());
        }
        return l.api();
    }

    static Located locate(Map<String, String> env) {
        List<String> tried = new ArrayList<>();
        String explicit = env.get(ENV);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit.strip());
            KimApi api = Files.isRegularFile(p) ? load(p.toString(), tried) : null;
            if (api == null && !Files.isRegularFile(p)) {
                tried.add(p + " (" + ENV + ": no such file)");
            }
            // an explicit choice that is wrong must not silently fall back to another library
            return new Located(api, p.toString(), "environment variable " + ENV, tried);
        }
        KimApi api = load(SONAME, tried);
        if (api != null) {
            return new Located(api, SONAME, "dynamic loader", tried);
        }
        Set<Path> dirs = new LinkedHashSet<>();
        String ld = env.get("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        for (String base : new String[] {"/usr/lib", "/usr/lib64", "/usr/local/lib", "/usr/local/lib64", "/lib"}) {
            dirs.add(Path.of(base));
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(base), "*-linux-gnu*")) {
                ds.forEach(dirs::add);
            } catch (IOException | RuntimeException e) {
                // not a directory on this system
            }
        }
        for (Path d : dirs) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(d, "libkim-api.so*")) {
                for (Path p : ds) {
                    api = load(p.toString(), tried);
                    if (api != null) {
                        return new Located(api, p.toString(), "library folder " + d, tried);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not a directory on this system
            }
            tried.add(d + "/libkim-api.so*");
        }
        return new Located(null, "", "none", tried);
    }

    private static KimApi load(String nameOrPath, List<String> tried) {
        try {
            return new KimApi(NativeLibrary.getInstance(nameOrPath));
        } catch (UnsatisfiedLinkError e) {
            tried.add(nameOrPath + " (" + e.getMessage().lines().findFirst().orElse("cannot load") + ")");
            return null;
        }
    }

    /** A collections handle; close it after use. */
    public KimCollections collections() {
        return new KimCollections(this);
    }
}
