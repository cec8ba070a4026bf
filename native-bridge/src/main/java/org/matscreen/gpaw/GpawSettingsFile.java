package org.matscreen.gpaw;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.NativeCodeException;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.util.Hashing;

/**
 * DFT settings as a calculation's model file: a JSON object in the GPAW worker's {@code settings} format (an entry of
 * {@code gpaw_presets.json}: functional, plane-wave cut-off, k-point density, smearing, spin, SCF convergence),
 * referenced by a {@link PotentialRef} whose SHA-256 makes the settings part of every candidate's identity, exactly
 * as a potential file's bytes are. A session reads the file and checks that hash before each calculation.
 */
public final class GpawSettingsFile {
    /** The {@link PotentialRef#pairStyle()} of a DFT settings file. */
    public static final String PAIR_STYLE = "dft";

    static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    /** Keys sorted and indented: the same settings always make the same bytes, hence the same candidate ids. */
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final String GPAW = "GPAW: J. J. Mortensen, L. B. Hansen and K. W. Jacobsen, Phys. Rev. B 71,"
            + " 035109 (2005); J. Enkovaara et al., J. Phys.: Condens. Matter 22, 253202 (2010)";
    private static final String PAW = "PAW: P. E. Bloechl, Phys. Rev. B 50, 17953 (1994), with GPAW's setups"
            + " (gpaw-data)";
    /** The functionals the worker knows, with the paper each one is cited by. */
    private static final Map<String, String> FUNCTIONALS = Map.of(
            "LDA", "LDA: J. P. Perdew and Y. Wang, Phys. Rev. B 45, 13244 (1992)",
            "PBE", "PBE: J. P. Perdew, K. Burke and M. Ernzerhof, Phys. Rev. Lett. 77, 3865 (1996)",
            "PBEsol", "PBEsol: J. P. Perdew et al., Phys. Rev. Lett. 100, 136406 (2008)",
            "RPBE", "RPBE: B. Hammer, L. B. Hansen and J. K. Norskov, Phys. Rev. B 59, 7413 (1999)",
            "revPBE", "revPBE: Y. Zhang and W. Yang, Phys. Rev. Lett. 80, 890 (1998)");
    /** The one object whose keys are data (element symbols), not setting names. */
    private static final String OPEN_OBJECT = "initial_magmoms";

    private GpawSettingsFile() {}

    /**
     * Writes preset {@code preset} ({@code production} or {@code test}, see {@code gpaw_presets.json}) with
     * {@code overrides} merged in (nested objects merge key by key, e.g. {@code {"ecut_ev": 400, "smearing":
     * {"width_ev": 0.05}}}) to {@code file}, and returns the reference a campaign's calculations carry. A key the
     * preset does not have is refused: the worker would ignore a misspelt setting and compute something else.
     *
     * @param elements the elements the settings may be used for
     */
    public static PotentialRef write(Path file, String preset, Map<String, ?> overrides, Collection<String> elements) {
        ObjectNode settings = preset(preset);
        merge(settings, JSON.valueToTree(overrides), "");
        String xc = settings.path("xc").asText("PBE");
        String functional = FUNCTIONALS.get(xc);
        if (functional == null) {
            throw new InvalidInputException("DFT settings", "xc", "unknown functional '" + xc + "' (known: "
                    + String.join(", ", FUNCTIONALS.keySet()) + ")");
        }
        byte[] bytes;
        try {
            bytes = CANONICAL.writeValueAsBytes(JSON.convertValue(settings, Object.class));
            writeAtomically(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the DFT settings file " + file, e);
        }
        return new PotentialRef(file.getFileName().toString(), file.toAbsolutePath().toString(),
                Hashing.sha256Hex(bytes), PAIR_STYLE, List.copyOf(elements), GPAW + "; " + functional + "; " + PAW);
    }

    /**
     * The settings in {@code model}'s file, read once and checked against the SHA-256 it was resolved with, so a
     * changed file never becomes a silently different calculation.
     *
     * @throws NativeCodeException naming the file when it cannot be read, has other bytes or is not a JSON object
     */
    static ObjectNode read(PotentialRef model) {
        Path file = Path.of(model.path());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NativeCodeException("DFT settings file " + file + " cannot be read: " + e.getMessage(), e);
        }
        String actual = Hashing.sha256Hex(bytes);
        if (!actual.equals(model.sha256())) {
            throw new NativeCodeException("DFT settings file " + file + " has SHA-256 " + actual + ", not the "
                    + model.sha256() + " it was resolved with: it changed since the campaign was validated");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (IOException e) {
            throw new NativeCodeException("DFT settings file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        throw new NativeCodeException("DFT settings file " + file + " does not hold a JSON object");
    }

    /** Replaces {@code file} by {@code bytes} in one rename: a reader (a worker, another JVM) sees all or nothing. */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A copy of the named preset of {@code gpaw_presets.json}. */
    static ObjectNode preset(String name) {
        JsonNode all;
        try (InputStream in = GpawSettingsFile.class.getResourceAsStream("gpaw_presets.json")) {
            all = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the GPAW presets from the class path", e);
        }
        List<String> known = new ArrayList<>();
        all.fieldNames().forEachRemaining(k -> {
            if (!k.startsWith("_")) {
                known.add(k);
            }
        });
        if (!known.contains(name)) {
            throw new InvalidInputException("DFT settings", "preset", "unknown GPAW preset '" + name + "' (known: "
                    + String.join(", ", known) + ")");
        }
        return ((ObjectNode) all.get(name)).deepCopy();
    }

    private static void merge(ObjectNode target, JsonNode overrides, String path) {
        overrides.fields().forEachRemaining(e -> {
            JsonNode current = target.get(e.getKey());
            if (current == null && !path.equals(OPEN_OBJECT + ".")) {
                List<String> known = new ArrayList<>();
                target.fieldNames().forEachRemaining(known::add);
                throw new InvalidInputException("DFT settings", path + e.getKey(), "not a GPAW worker setting here"
                        + " (known: " + String.join(", ", known) + ")");
            }
            if (current instanceof ObjectNode o && e.getValue().isObject()) {
                merge(o, e.getValue(), path + e.getKey() + ".");
            } else {
                target.set(e.getKey(), e.getValue());
            }
        });
    }
}
