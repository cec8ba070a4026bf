package org.matscreen.potential;

import org.matscreen.core.plan.PotentialCostClass;
import org.matscreen.core.sim.FitScope;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.sim.SingleFileSource;
import org.matscreen.kim.KimModel;

/**
 * One KIM portable model for every chemical system of a campaign ({@code potential: kim:<id>}). The model's reference
 * has pair style {@code kim}, its folder as path and the SHA-256 of its and its driver's files, which the worker checks
 * before {@code kim init}.
 *
 * @param model the model as the campaign resolved it
 * @param kind the model's kind from its metadata, e.g. EAM, MEAM, SNAP
 * @param fitScope which unlike pairs the model was fitted to (from the project's table)
 */
public record KimPotentialSource(PotentialRef model, String kind, FitScope fitScope) implements SingleFileSource {

    /** The source of a resolved model, with its fit scope from the project's table. */
    public static KimPotentialSource of(KimModel m) {
        PotentialRef ref = m.toPotentialRef();
        return new KimPotentialSource(ref, m.spec().kind(), FitScopes.standard().scopeOf(ref.name(), ref.elements()));
    }

    @Override
    public PotentialSpec spec() {
        return PotentialSpec.of(model).withFitScope(fitScope);
    }

    @Override
    public PotentialCostClass costClass() {
        return PotentialCostClass.ofKimKind(kind);
    }

    /** The model as a calculation uses it. */
    @Override
    public PotentialRef file() {
        return model;
    }
}
