package org.matscreen.spark;

import java.io.Serializable;
import org.matscreen.core.properties.ElasticConstants;
import org.matscreen.core.structure.Prototype;

/**
 * Outcome of a {@link ReferenceTask}: relaxed energy and volume per atom (eV, Å³) and the elastic constants (null
 * if not computed), or the failure text.
 */
public record ReferenceResult(String group, String element, Prototype prototype, boolean ok, double energyPerAtomEv,
        double volumePerAtomA3, ElasticConstants elastic, String error) implements Serializable {}
