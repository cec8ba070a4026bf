package org.matscreen.core.properties;

import static org.matscreen.core.properties.PropertyColumn.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Step;

/**
 * Mixing enthalpy against the pure elements in the candidate's own prototype (computed with the same shape-fixed
 * relaxation, so a candidate and its references answer the same question) and formation enthalpy against each
 * element's ground state under the potential; names the references that are mechanically unstable.
 */
final class EnthalpyProperty implements PropertyCalculation {

    @Override
    public String name() {
        return "enthalpies";
    }

    @Override
    public String description() {
        return "mixing and formation enthalpies of the primary relaxed cell against the cached pure-element references";
    }

    @Override
    public Set<Step> steps(RelaxSettings relax, PropertySettings settings) {
        return Set.of();
    }

    @Override
    public List<PropertyColumn> columns() {
        return List.of(
                number("dh_mix_ev_per_atom", "eV/atom",
                        "mixing enthalpy E − Σ x_i E_i with the pure elements in the candidate's prototype"),
                number("dh_form_ev_per_atom", "eV/atom",
                        "formation enthalpy against the pure elements in their ground states under the potential"),
                new PropertyColumn("unstable_references", PropertyColumn.Kind.LIST_STRING, "",
                        "references of the two enthalpies that violate the Born criteria, as element/prototype"
                                + " (e.g. Cu/bcc); empty when all are stable or their stability is unknown"));
    }

    @Override
    public List<RecordFlag> flags() {
        return List.of(RecordFlag.UNSTABLE_REFERENCE);
    }

    @Override
    public void derive(PropertyInput in, CandidateProperties.Builder out) {
        ReferenceEnergies refs = in.references();
        if (refs == null) {
            in.note("enthalpies unknown: no pure-element references");
            return;
        }
        Composition c = in.outcome().relaxed().composition();
        double e = in.outcome().energyPerAtomEv();
        refs.weightedEnergy(c, in.prototype()).ifPresent(ref -> out.put("dh_mix_ev_per_atom", e - ref));
        refs.weightedGroundStateEnergy(c).ifPresent(ref -> out.put("dh_form_ev_per_atom", e - ref));
        if (Double.isNaN(refs.weightedGroundStateEnergy(c).orElse(Double.NaN))) {
            in.note("enthalpies unknown: a pure-element reference calculation of this potential failed");
        }
        List<String> unstable = new ArrayList<>();
        for (String el : c.symbols()) {
            List<Optional<ReferenceEnergies.Entry>> used = List.of(refs.find(el, in.prototype()),
                    refs.groundState(el));
            for (Optional<ReferenceEnergies.Entry> r : used) {
                r.filter(x -> Boolean.FALSE.equals(x.mechanicallyStable()))
                        .map(x -> x.element() + "/" + x.prototype().key())
                        .filter(k -> !unstable.contains(k))
                        .ifPresent(unstable::add);
            }
        }
        out.put("unstable_references", unstable);
        if (!unstable.isEmpty()) {
            out.flag(RecordFlag.UNSTABLE_REFERENCE);
        }
    }
}
