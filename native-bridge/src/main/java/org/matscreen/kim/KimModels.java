package org.matscreen.kim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.NativeCodeException;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.kim.KimCollections.Item;
import org.matscreen.kim.KimCollections.ItemType;

/**
 * The KIM portable models installed for this process's KIM API: resolving a campaign's {@code kim:<id>} to a checked,
 * checksummed {@link KimModel}, listing them, and verifying in a worker, right before {@code kim init}, that the model
 * LAMMPS is about to load is the one the campaign was validated with.
 *
 * <p>Only portable models are accepted: a KIM simulator model carries LAMMPS commands of its own, which would bypass
 * matscreen's command allowlist.
 */
public final class KimModels {
    /** The pair-style tag of a KIM model in a {@link PotentialRef}. */
    public static final String PAIR_STYLE = "kim";

    private final KimApi api;

    public KimModels(KimApi api) {
        this.api = api;
    }

    /** The models of this process's KIM API; a {@code MatscreenException} with the fix if it is missing. */
    public static KimModels standard() {
        return new KimModels(KimApi.require());
    }

    /**
     * Resolves {@code kim:<id>} as a campaign names it.
     *
     * @throws InvalidInputException naming source and field: a malformed id, a model that is not installed, a
     *     simulator model, missing metadata, or a driver that is not installed
     */
    public KimModel resolve(String potential, String source, String field) {
        String id = KimModelId.parse(potential, source, field);
        try (KimCollections c = api.collections()) {
            Optional<Item> item = c.find(ItemType.PORTABLE_MODEL, id);
            if (item.isEmpty()) {
                if (c.find(ItemType.SIMULATOR_MODEL, id).isPresent()) {
                    throw new InvalidInputException(source, field, "KIM model " + id + " is a simulator model:"
                            + " matscreen runs portable models only (a simulator model issues LAMMPS commands of its"
                            + " own, outside matscreen's checked command set)");
                }
                throw new InvalidInputException(source, field, "no KIM portable model '" + id + "' is installed"
                        + " (searched the KIM API's collections " + c.directories(ItemType.PORTABLE_MODEL)
                        + "; 'matscreen potentials' lists the installed models; scripts/setup.sh installs Debian's"
                        + " openkim-models)");
            }
            return model(c, item.get(), source, field, true);
        }
    }

    private static KimModel model(KimCollections c, Item item, String source, String field, boolean digest) {
        String edn = c.metadata(ItemType.PORTABLE_MODEL, item.name()).get("kimspec.edn");
        if (edn == null) {
            throw new InvalidInputException(source, field, "KIM model " + item.name() + " has no kimspec.edn metadata,"
                    + " so its species are unknown");
        }
        KimSpec spec;
        try {
            spec = KimSpec.parse(item.name(), edn);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(source, field, "KIM model " + item.name() + ": unreadable kimspec.edn: "
                    + e.getMessage());
        }
        if (spec.species().isEmpty()) {
            throw new InvalidInputException(source, field, "KIM model " + item.name() + " names no species");
        }
        Path driverDir = null;
        if (!spec.driver().isEmpty()) {
            driverDir = c.find(ItemType.MODEL_DRIVER, spec.driver()).map(Item::directory).orElseThrow(() ->
                    new InvalidInputException(source, field, "KIM model " + item.name() + " needs the model driver "
                            + spec.driver() + ", which is not installed"));
        }
        Path dir = item.directory().toAbsolutePath().normalize();
        return new KimModel(spec, dir, item.collection(), driverDir, digest ? digest(dir, driverDir) : "");
    }

    /**
     * Every installed portable model that matscreen can use (with metadata and driver), sorted by id; without their
     * digests (empty), which only resolving a model computes.
     */
    public List<KimModel> list() {
        List<KimModel> out = new ArrayList<>();
        try (KimCollections c = api.collections()) {
            List<String> names = new ArrayList<>(c.names(ItemType.PORTABLE_MODEL));
            names.sort(null);
            for (String n : names) {
                if (KimModelId.reason(n) != null) {
                    continue;
                }
                c.find(ItemType.PORTABLE_MODEL, n).ifPresent(item -> {
                    try {
                        out.add(model(c, item, "kim", n, false));
                    } catch (InvalidInputException e) {
                        // a model without metadata or driver is skipped in listings and explained when named
                    }
                });
            }
        }
        return out;
    }

    /** The portable-model folders of each KIM collection, in search order, and the user configuration file. */
    public Map<String, List<String>> collectionDirectories() {
        try (KimCollections c = api.collections()) {
            return c.directories(ItemType.PORTABLE_MODEL);
        }
    }

    /** The KIM API's version. */
    public String version() {
        try (KimCollections c = api.collections()) {
            return c.version();
        }
    }

    /**
     * SHA-256 over every file of the model's folder and of its driver's folder: each file contributes its part
     * ({@code model} or {@code driver}), its path relative to the folder and the SHA-256 of its bytes, in sorted order.
     * Folder names do not enter, so the same packaged model has the same digest wherever it is installed.
     */
    public static String digest(Path modelDir, Path driverDir) {
        MessageDigest md = sha256();
        update(md, "model", modelDir);
        if (driverDir != null) {
            update(md, "driver", driverDir);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String part, Path dir) {
        for (Path f : files(dir)) {
            String line = part + "/" + dir.relativize(f) + "\0" + org.matscreen.core.util.Hashing.sha256Hex(f) + "\n";
            md.update(line.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new NativeCodeException("KIM item folder " + dir + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final ConcurrentHashMap<String, String> VERIFIED = new ConcurrentHashMap<>();

    /**
     * Checks, in the process that is about to run {@code kim init}, that this process's KIM API finds the model in the
     * folder the campaign resolved and that the model's and its driver's files still have the resolved SHA-256.
     * Digests are remembered per set of (path, size, modification time), so the check costs a few {@code stat}s per
     * candidate after the first.
     *
     * @throws NativeCodeException if the model resolves elsewhere here, is gone, or its files changed
     */
    public static void verify(PotentialRef ref) {
        String id = ref.name().startsWith(KimModelId.PREFIX) ? ref.name().substring(KimModelId.PREFIX.length()) : "";
        if (KimModelId.reason(id) != null) {
            throw new NativeCodeException("not a KIM model reference: " + ref.name());
        }
        KimModel m;
        try {
            m = standard().resolveForVerification(id);
        } catch (InvalidInputException e) {
            throw new NativeCodeException("KIM model " + id + " cannot be used in this process: " + e.reason(), e);
        }
        if (!m.directory().equals(Path.of(ref.path()))) {
            throw new NativeCodeException("KIM model " + id + " resolves to " + m.directory() + " in this process,"
                    + " not to " + ref.path() + " as when the campaign was validated (a KIM collection differs:"
                    + " check KIM_API_* variables and the working directory)");
        }
        if (!m.sha256().equals(ref.sha256())) {
            throw new NativeCodeException("KIM model " + id + " (" + m.directory() + ", driver "
                    + m.driverDirectory() + ") has SHA-256 " + m.sha256() + ", not the " + ref.sha256()
                    + " it was resolved with: it changed since the campaign was validated");
        }
    }

    private KimModel resolveForVerification(String id) {
        try (KimCollections c = api.collections()) {
            Item item = c.find(ItemType.PORTABLE_MODEL, id).orElseThrow(() -> new InvalidInputException("kim", id,
                    "no KIM portable model '" + id + "' is installed"));
            String edn = c.metadata(ItemType.PORTABLE_MODEL, id).get("kimspec.edn");
            KimSpec spec = edn == null ? null : KimSpec.parse(id, edn);
            Path driverDir = spec == null || spec.driver().isEmpty() ? null
                    : c.find(ItemType.MODEL_DRIVER, spec.driver()).map(Item::directory).orElseThrow(() ->
                            new InvalidInputException("kim", id, "driver " + spec.driver() + " is not installed"));
            Path dir = item.directory().toAbsolutePath().normalize();
            String stamp = stamp(dir, driverDir);
            String sha = VERIFIED.computeIfAbsent(stamp, k -> digest(dir, driverDir));
            return new KimModel(spec, dir, item.collection(), driverDir, sha);
        }
    }

    private static String stamp(Path modelDir, Path driverDir) {
        StringBuilder b = new StringBuilder();
        for (Path d : driverDir == null ? List.of(modelDir) : List.of(modelDir, driverDir)) {
            b.append(d).append('|');
            for (Path f : files(d)) {
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    b.append(f).append(',').append(a.size()).append(',').append(a.lastModifiedTime().toMillis())
                            .append(',').append(a.fileKey()).append(';');
                } catch (IOException e) {
                    throw new NativeCodeException("KIM item file " + f + " cannot be read: " + e.getMessage(), e);
                }
            }
        }
        return b.toString();
    }
}
