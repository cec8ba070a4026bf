package org.matscreen.core.properties;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.CellShape;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.Step;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Structure;
import org.matscreen.core.structure.StructureRecipe;

/**
 * The registered properties, in record order. Everything that must stay in step with them is derived here: the
 * protocol steps of a request, the property columns of the record schema (and so its documentation, JSON Schema,
 * OPTIMADE fields and the metric catalogue), and the analysis of a raw outcome.
 */
public final class PropertyRegistry {
    /** The list a new property is added to (one line), in the order its columns appear in a record. */
    private static final List<PropertyCalculation> STANDARD = List.of(
            new RelaxedCellProperty(),
            new EnthalpyProperty(),
            new StructureIdentityProperty(),
            new PrototypeStabilityProperty(),
            new EquationOfStateProperty(),
            new ElasticTensorProperty(),
            new MagneticMomentProperty());

    /** The column holding the keys of the {@link RecordFlag}s a record carries. */
    public static final PropertyColumn FLAGS = new PropertyColumn("flags", PropertyColumn.Kind.LIST_STRING, "",
            "flags the properties raised: unconverged, transformed, prototype-unstable, mechanically-unstable,"
                    + " unstable-reference (see the flags section); empty when none");

    private static final Map<String, PropertyColumn> COLUMNS;

    static {
        Map<String, PropertyColumn> m = new LinkedHashMap<>();
        for (PropertyCalculation p : STANDARD) {
            for (PropertyColumn c : p.columns()) {
                if (m.put(c.name(), c) != null) {
                    throw new IllegalStateException("two properties declare the column " + c.name());
                }
            }
        }
        COLUMNS = Collections.unmodifiableMap(m);
    }

    private PropertyRegistry() {}

    /** The registered properties, in record order. */
    public static List<PropertyCalculation> standard() {
        return STANDARD;
    }

    /** Every property column, in record order. */
    public static List<PropertyColumn> columns() {
        return List.copyOf(COLUMNS.values());
    }

    /** The property column named {@code name}, or null. */
    public static PropertyColumn column(String name) {
        return COLUMNS.get(name);
    }

    /** The registered property that declares {@code column}, or null. */
    public static PropertyCalculation declaring(String column) {
        for (PropertyCalculation p : STANDARD) {
            if (p.columns().stream().anyMatch(c -> c.name().equals(column))) {
                return p;
            }
        }
        return null;
    }

    /** The steps a request needs: the relaxations the mode asks for, then those of every enabled property. */
    public static Set<Step> steps(RelaxSettings relax, PropertySettings settings) {
        Set<Step> steps = EnumSet.of(relax.mode() == RelaxMode.FREE ? Step.RELAX_FREE : Step.RELAX_SHAPE_FIXED);
        for (PropertyCalculation p : STANDARD) {
            if (p.enabled(relax, settings)) {
                steps.addAll(p.steps(relax, settings));
            }
        }
        return steps;
    }

    /** A request for a candidate of {@code prototype}, with the steps its settings need. */
    public static CalculationRequest request(String candidateId, Structure start, Prototype prototype,
            PotentialRef potential, RelaxSettings relax, PropertySettings settings, double timeoutSeconds) {
        return new CalculationRequest(candidateId, start, potential, relax, settings, CellShape.of(prototype),
                steps(relax, settings), timeoutSeconds);
    }

    /**
     * The properties of an OK outcome: every enabled property derives its values in registry order; anything that
     * cannot be derived is left unknown and its reason passed to {@code notes}.
     */
    public static CandidateProperties analyse(CalculationOutcome outcome, StructureRecipe recipe,
            ReferenceEnergies references, RelaxSettings relax, PropertySettings settings,
            java.util.function.Consumer<String> notes) {
        if (outcome.status() != Status.OK) {
            throw new IllegalArgumentException("no properties for a " + outcome.status().key() + " outcome");
        }
        PropertyInput in = new PropertyInput(outcome, recipe.prototype(), recipe.supercell(), references, relax,
                settings, notes);
        CandidateProperties.Builder b = CandidateProperties.builder();
        for (PropertyCalculation p : STANDARD) {
            if (p.enabled(relax, settings)) {
                p.derive(in, b);
            }
        }
        return b.build();
    }

    /** Every flag a registered property may raise, in enum order. */
    public static List<RecordFlag> flags() {
        Set<RecordFlag> f = EnumSet.noneOf(RecordFlag.class);
        STANDARD.forEach(p -> f.addAll(p.flags()));
        return new ArrayList<>(f);
    }
}
