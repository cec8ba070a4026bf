package org.matscreen.core.screening;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.ToDoubleFunction;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.properties.CandidateProperties;

/**
 * The catalogue of metric keys: physical properties computed per candidate, plus composition descriptors registered
 * by {@link MetricSource} providers. Criteria and objectives are validated against it before any work starts.
 */
public final class Metrics {
    private static final Map<String, Metric> ALL;
    private static final Map<String, ToDoubleFunction<CandidateProperties>> PROPERTY_GETTERS = new LinkedHashMap<>();

    static {
        Map<String, Metric> m = new LinkedHashMap<>();
        prop(m, "energy_per_atom_ev", "eV/atom", "relaxed potential energy per atom", CandidateProperties::energyPerAtomEv);
        prop(m, "volume_per_atom_a3", "Å³/atom", "relaxed volume per atom", CandidateProperties::volumePerAtomA3);
        prop(m, "lattice_a_angstrom", "Å", "conventional-cell edge a of the relaxed supercell",
                CandidateProperties::latticeAAngstrom);
        prop(m, "lattice_b_angstrom", "Å", "conventional-cell edge b of the relaxed supercell",
                CandidateProperties::latticeBAngstrom);
        prop(m, "lattice_c_angstrom", "Å", "conventional-cell edge c of the relaxed supercell",
                CandidateProperties::latticeCAngstrom);
        prop(m, "lattice_parameter_angstrom", "Å", "lattice parameter of the prototype at the relaxed volume",
                CandidateProperties::latticeParameterAngstrom);
        prop(m, "dh_mix_ev_per_atom", "eV/atom",
                "mixing enthalpy against the pure elements in the candidate's prototype",
                CandidateProperties::mixingEnthalpyEvPerAtom);
        prop(m, "dh_form_ev_per_atom", "eV/atom",
                "formation enthalpy against the pure elements in their ground states under the potential",
                CandidateProperties::formationEnthalpyEvPerAtom);
        prop(m, "density_g_per_cm3", "g/cm³", "mass density at the relaxed volume", CandidateProperties::densityGPerCm3);
        prop(m, "bulk_modulus_gpa", "GPa", "Birch–Murnaghan bulk modulus B0", CandidateProperties::bulkModulusGpa);
        prop(m, "bulk_modulus_prime", "", "Birch–Murnaghan B0'", CandidateProperties::bulkModulusPrime);
        prop(m, "eos_rms_residual_ev_per_atom", "eV/atom", "RMS residual of the Birch–Murnaghan fit",
                CandidateProperties::eosRmsResidualEvPerAtom);
        prop(m, "c11_gpa", "GPa", "cubic(-averaged) elastic constant C11", CandidateProperties::c11Gpa);
        prop(m, "c12_gpa", "GPa", "cubic(-averaged) elastic constant C12", CandidateProperties::c12Gpa);
        prop(m, "c44_gpa", "GPa", "cubic(-averaged) elastic constant C44", CandidateProperties::c44Gpa);
        prop(m, "cubic_deviation_gpa", "GPa", "largest deviation of the elastic tensor from its cubic average",
                CandidateProperties::cubicDeviationGpa);
        prop(m, "shear_modulus_gpa", "GPa", "Voigt–Reuss–Hill shear modulus", CandidateProperties::shearModulusGpa);
        prop(m, "pugh_ratio", "", "Pugh ratio B/G (Hill)", CandidateProperties::pughRatio);
        for (MetricSource src : ServiceLoader.load(MetricSource.class, Metrics.class.getClassLoader())) {
            for (Metric metric : src.metrics()) {
                m.putIfAbsent(metric.key(), metric);
            }
        }
        ALL = Collections.unmodifiableMap(m);
    }

    private Metrics() {}

    private static void prop(Map<String, Metric> m, String key, String unit, String description,
            ToDoubleFunction<CandidateProperties> getter) {
        m.put(key, new Metric(key, unit, description));
        PROPERTY_GETTERS.put(key, getter);
    }

    /** Every known metric, properties first. */
    public static Map<String, Metric> all() {
        return ALL;
    }

    public static boolean isPropertyMetric(String key) {
        return PROPERTY_GETTERS.containsKey(key);
    }

    /** The value of a property metric for the given properties (NaN if properties are null). */
    public static double property(String key, CandidateProperties p) {
        ToDoubleFunction<CandidateProperties> g = PROPERTY_GETTERS.get(key);
        if (g == null) {
            throw new IllegalArgumentException("not a property metric: " + key);
        }
        return p == null ? Double.NaN : g.applyAsDouble(p);
    }

    public static Metric require(String key, String source, String field) {
        Metric m = ALL.get(key);
        if (m == null) {
            throw new InvalidInputException(source, field, "unknown metric '" + key + "' (known: "
                    + String.join(", ", ALL.keySet()) + ")");
        }
        return m;
    }

    /** Property metrics as a key → value map. */
    public static Map<String, Double> propertyValues(CandidateProperties p) {
        Map<String, Double> v = new LinkedHashMap<>();
        PROPERTY_GETTERS.forEach((k, g) -> v.put(k, p == null ? Double.NaN : g.applyAsDouble(p)));
        return v;
    }
}
