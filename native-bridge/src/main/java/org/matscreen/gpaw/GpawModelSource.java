package org.matscreen.gpaw;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.matscreen.core.campaign.DftSettings;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.sim.FitScope;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PotentialSource;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.sim.SingleFileSource;
import org.matscreen.core.util.Hashing;

/**
 * A DFT campaign's model: one settings file ({@link GpawSettingsFile}) for every chemical system, so every element's
 * reference and every candidate is computed with the same functional, basis, k-point density and smearing. Its
 * name says those settings in a line, e.g. {@code PBE 500 eV, k 6.0/Å⁻¹, methfessel-paxton 0.10 eV, spin (GPAW
 * production)}.
 *
 * @param file the settings file every calculation reads (its SHA-256 enters every candidate id)
 * @param name the settings in a line, for tables and records
 * @param text the file's content, shipped with the source so an executor on another machine writes the same bytes
 *     into its own local folder ({@link #localised})
 */
public record GpawModelSource(PotentialRef file, String name, String text) implements SingleFileSource {

    /**
     * Writes the settings file of {@code dft} for {@code elements} under {@code cacheDir} (named by the hash of
     * preset and overrides, so the same settings reuse one file) and returns the source.
     *
     * @param source the campaign file, named in errors
     * @param field the settings' field in it, e.g. {@code method.dft}
     */
    public static GpawModelSource of(DftSettings dft, List<String> elements, Path cacheDir, String source,
            String field) {
        Map<String, Object> overrides = dft.overrides();
        String key = Hashing.sha256Hex(dft.preset() + "|" + new java.util.TreeMap<>(overrides));
        PotentialRef ref;
        try {
            ref = GpawSettingsFile.write(cacheDir.resolve("gpaw").resolve("settings-" + key.substring(0, 16)
                    + ".json"), dft.preset(), overrides, new TreeSet<>(elements));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(source, field + "." + e.field(), e.reason());
        }
        try {
            return new GpawModelSource(ref, describe(GpawSettingsFile.read(ref), dft.preset()),
                    java.nio.file.Files.readString(Path.of(ref.path())));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read back " + ref.path(), e);
        }
    }

    /**
     * This source with its settings file in {@code localCacheDir} of this machine: the same bytes (hence the same
     * SHA-256, which the session checks) written where this node's workers can read them.
     */
    @Override
    public PotentialSource localised(String localCacheDir) {
        Path local = Path.of(localCacheDir, "gpaw", Path.of(file.path()).getFileName().toString());
        if (local.toAbsolutePath().toString().equals(file.path())) {
            return this;
        }
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!Hashing.sha256Hex(bytes).equals(file.sha256())) {
            throw new IllegalStateException("settings text of " + file.path() + " does not match its SHA-256");
        }
        try {
            if (!java.nio.file.Files.exists(local) || !Hashing.sha256Hex(local).equals(file.sha256())) {
                GpawSettingsFile.writeAtomically(local, bytes);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the DFT settings file " + local, e);
        }
        return new GpawModelSource(new PotentialRef(file.name(), local.toAbsolutePath().toString(), file.sha256(),
                file.pairStyle(), file.elements(), file.citation()), name, text);
    }

    static String describe(JsonNode s, String preset) {
        JsonNode smear = s.path("smearing");
        return String.format(Locale.ROOT, "%s %.0f eV, k %.1f/Å⁻¹, %s %.2f eV, %s (GPAW %s)", s.path("xc").asText(),
                s.path("ecut_ev").asDouble(), s.path("kpoint_density_per_inv_angstrom").asDouble(),
                smear.path("name").asText(), smear.path("width_ev").asDouble(),
                s.path("spin").asBoolean() ? "spin" : "no spin", preset);
    }

    @Override
    public PotentialSpec spec() {
        return new PotentialSpec(name, file.sha256(), file.pairStyle(), file.elements(), file.citation(),
                FitScope.FIRST_PRINCIPLES);
    }
}
