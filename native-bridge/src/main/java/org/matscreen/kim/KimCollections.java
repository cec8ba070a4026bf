package org.matscreen.kim;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matscreen.core.error.MatscreenException;

/**
 * One KIM API collections object: where installed items are, their names and metadata files. Not thread-safe (the
 * API caches lists inside the object); open one per use. Its log is silenced, so looking models up writes no
 * {@code kim.log} into the user's working directory.
 */
public final class KimCollections implements AutoCloseable {
    /** The kinds of KIM items. */
    public enum ItemType {
        PORTABLE_MODEL,
        MODEL_DRIVER,
        SIMULATOR_MODEL
    }

    /**
     * An installed item as the KIM API finds it.
     *
     * @param library the item's shared library
     * @param collection the collection it was found in (KIM API search order: current working directory, environment
     *     variable, user, system)
     */
    public record Item(String name, ItemType type, Path library, String collection) {
        /** The item's installed folder. */
        public Path directory() {
            return library.getParent();
        }
    }

    private final KimApi api;
    private final KimApiLibrary lib;
    private PointerByReference handle;

    KimCollections(KimApi api) {
        this.api = api;
        this.lib = api.lib();
        PointerByReference h = new PointerByReference();
        lib.KIM_Log_PushDefaultVerbosity(api.silent);
        int error;
        try {
            error = lib.KIM_Collections_Create(h);
        } finally {
            lib.KIM_Log_PopDefaultVerbosity();
        }
        if (error != 0 || h.getValue() == null) {
            throw new MatscreenException("the KIM API could not create its collections object (KIM_Collections_Create"
                    + " failed: is the user configuration file of the KIM API readable?)");
        }
        this.handle = h;
    }

    private Pointer h() {
        if (handle == null) {
            throw new IllegalStateException("KIM collections object is closed");
        }
        return handle.getValue();
    }

    private int code(ItemType t) {
        return switch (t) {
            case PORTABLE_MODEL -> api.portableModel;
            case MODEL_DRIVER -> api.modelDriver;
            case SIMULATOR_MODEL -> api.simulatorModel;
        };
    }

    /** The item of this name and type as {@code kim init} would load it, or empty if none is installed. */
    public Optional<Item> find(ItemType type, String name) {
        PointerByReference file = new PointerByReference();
        IntByReference collection = new IntByReference();
        if (lib.KIM_Collections_GetItemLibraryFileNameAndCollection(h(), code(type), name, file, collection) != 0
                || file.getValue() == null) {
            return Optional.empty();
        }
        String where = api.collections.entrySet().stream().filter(e -> e.getValue() == collection.getValue())
                .map(Map.Entry::getKey).findFirst().orElse("unknown");
        return Optional.of(new Item(name, type, Path.of(string(file)), where));
    }

    /** The item's metadata files that are text (e.g. {@code kimspec.edn}), by file name. */
    public Map<String, String> metadata(ItemType type, String name) {
        IntByReference extent = new IntByReference();
        Map<String, String> out = new LinkedHashMap<>();
        if (lib.KIM_Collections_CacheListOfItemMetadataFiles(h(), code(type), name, extent) != 0) {
            return out;
        }
        for (int i = 0; i < extent.getValue(); i++) {
            PointerByReference fileName = new PointerByReference();
            IntByReference length = new IntByReference();
            PointerByReference raw = new PointerByReference();
            IntByReference asString = new IntByReference();
            PointerByReference text = new PointerByReference();
            if (lib.KIM_Collections_GetItemMetadataFile(h(), i, fileName, length, raw, asString, text) == 0
                    && asString.getValue() != 0 && text.getValue() != null) {
                out.put(string(fileName), text.getValue().getString(0, StandardCharsets.UTF_8.name()));
            }
        }
        return out;
    }

    /** Names of every installed item of a type, over all collections (each name once). */
    public List<String> names(ItemType type) {
        IntByReference extent = new IntByReference();
        List<String> out = new ArrayList<>();
        if (lib.KIM_Collections_CacheListOfItemNamesByType(h(), code(type), extent) != 0) {
            return out;
        }
        for (int i = 0; i < extent.getValue(); i++) {
            PointerByReference n = new PointerByReference();
            if (lib.KIM_Collections_GetItemNameByType(h(), i, n) == 0) {
                out.add(string(n));
            }
        }
        return out;
    }

    /** The folders of each collection for a type, in the KIM API's search order (collection name → folders). */
    public Map<String, List<String>> directories(ItemType type) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> c : api.collections.entrySet()) {
            IntByReference extent = new IntByReference();
            List<String> dirs = new ArrayList<>();
            if (lib.KIM_Collections_CacheListOfDirectoryNames(h(), c.getValue(), code(type), extent) == 0) {
                for (int i = 0; i < extent.getValue(); i++) {
                    PointerByReference d = new PointerByReference();
                    if (lib.KIM_Collections_GetDirectoryName(h(), i, d) == 0) {
                        dirs.add(string(d));
                    }
                }
            }
            out.put(c.getKey(), dirs);
        }
        return out;
    }

    /** The environment variable of a type's environment collection, e.g. {@code KIM_API_PORTABLE_MODELS_DIR}. */
    public String environmentVariable(ItemType type) {
        PointerByReference n = new PointerByReference();
        return lib.KIM_Collections_GetEnvironmentVariableName(h(), code(type), n) == 0 ? string(n) : "";
    }

    /** The user collection's configuration file. */
    public String configurationFile() {
        PointerByReference f = new PointerByReference();
        lib.KIM_Collections_GetConfigurationFileName(h(), f);
        return string(f);
    }

    /** The KIM API's version, e.g. {@code 2.3.0}. */
    public String version() {
        PointerByReference project = new PointerByReference();
        PointerByReference semVer = new PointerByReference();
        lib.KIM_Collections_GetProjectNameAndSemVer(h(), project, semVer);
        return string(semVer);
    }

    private static String string(PointerByReference p) {
        return p.getValue() == null ? "" : p.getValue().getString(0, StandardCharsets.UTF_8.name());
    }

    @Override
    public void close() {
        if (handle != null) {
            lib.KIM_Collections_Destroy(handle);
            handle = null;
        }
    }
}
