package org.matscreen.spark;

import java.io.Serializable;
import org.matscreen.core.structure.Prototype;

/**
 * Outcome of a {@link ReferenceTask}: relaxed energy and volume per atom (eV, Å³), or the failure text.
 */
public record ReferenceResult(String group, String element, Prototype prototype, boolean ok, double energyPerAtomEv,
        double volumePerAtomA3, String error) implements Serializable {}
