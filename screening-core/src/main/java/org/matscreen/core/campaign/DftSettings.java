package org.matscreen.core.campaign;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The plane-wave DFT settings a campaign asks for ({@code method.dft}): a named preset of the DFT code's, and the
 * settings the campaign overrides. Unset overrides keep the preset's value. The code turns them into the exact
 * settings file whose checksum enters every candidate id, so two campaigns with the same effective settings share
 * ids and cached results.
 *
 * @param preset the code's preset, e.g. {@code production} or {@code test}
 * @param xc exchange-correlation functional (e.g. {@code PBE}), or null for the preset's
 * @param cutoffEv plane-wave cut-off, eV (NaN: the preset's)
 * @param kpointDensityPerInvAngstrom k-point density d, points per Å⁻¹ ({@code n_i = max(1, ceil(d |b_i|))}, |b_i|
 *     with the 2π), NaN for the preset's
 * @param smearing occupation smearing ({@code methfessel-paxton}, {@code fermi-dirac}, {@code marzari-vanderbilt}), or
 *     null
 * @param smearingWidthEv smearing width, eV (NaN: the preset's)
 * @param spin spin polarisation, or null for the preset's
 * @param initialMomentsMuB initial (ferromagnetic) moments per element, μB, added to the preset's (Fe, Co, Ni, Cr,
 *     Mn); empty for the preset's alone
 * @param convergence SCF criteria in the code's units ({@code energy} eV per valence electron, {@code density}
 *     electrons per valence electron, {@code eigenstates} eV² per valence electron), those set override the preset's
 */
public record DftSettings(String preset, String xc, double cutoffEv, double kpointDensityPerInvAngstrom,
        String smearing, double smearingWidthEv, Boolean spin, Map<String, Double> initialMomentsMuB,
        Map<String, Double> convergence) implements Serializable {

    /** The SCF criteria a campaign may set. */
    public static final Set<String> CONVERGENCE_KEYS = Set.of("energy", "density", "eigenstates");

    /** Settings without moment or convergence overrides. */
    public DftSettings(String preset, String xc, double cutoffEv, double kpointDensityPerInvAngstrom,
            String smearing, double smearingWidthEv, Boolean spin) {
        this(preset, xc, cutoffEv, kpointDensityPerInvAngstrom, smearing, smearingWidthEv, spin, Map.of(), Map.of());
    }

    public static final Set<String> PRESETS = Set.of("production", "test");
    public static final Set<String> SMEARINGS = Set.of("methfessel-paxton", "fermi-dirac", "marzari-vanderbilt");

    public DftSettings {
        Objects.requireNonNull(preset, "preset");
        initialMomentsMuB = initialMomentsMuB == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(initialMomentsMuB));
        convergence = convergence == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(convergence));
    }

    /** The preset alone. */
    public static DftSettings preset(String name) {
        return new DftSettings(name, null, Double.NaN, Double.NaN, null, Double.NaN, null);
    }

    /**
     * The overrides in the DFT worker's settings vocabulary ({@code xc}, {@code ecut_ev},
     * {@code kpoint_density_per_inv_angstrom}, {@code smearing: {name, width_ev}}, {@code spin},
     * {@code initial_magmoms}, {@code convergence}), only those set.
     */
    public Map<String, Object> overrides() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (xc != null) {
            m.put("xc", xc);
        }
        if (!Double.isNaN(cutoffEv)) {
            m.put("ecut_ev", cutoffEv);
        }
        if (!Double.isNaN(kpointDensityPerInvAngstrom)) {
            m.put("kpoint_density_per_inv_angstrom", kpointDensityPerInvAngstrom);
        }
        if (smearing != null || !Double.isNaN(smearingWidthEv)) {
            Map<String, Object> s = new LinkedHashMap<>();
            if (smearing != null) {
                s.put("name", smearing);
            }
            if (!Double.isNaN(smearingWidthEv)) {
                s.put("width_ev", smearingWidthEv);
            }
            m.put("smearing", s);
        }
        if (spin != null) {
            m.put("spin", spin);
        }
        if (!initialMomentsMuB.isEmpty()) {
            m.put("initial_magmoms", new java.util.TreeMap<>(initialMomentsMuB));
        }
        if (!convergence.isEmpty()) {
            m.put("convergence", new java.util.TreeMap<>(convergence));
        }
        return m;
    }
}
