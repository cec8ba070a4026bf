package org.matscreen.spark;

import java.io.Serializable;
import org.matscreen.core.structure.Prototype;

/**
 * One pure-element reference calculation: an element in a prototype under the potential of a reference group,
 * started at {@code latticeGuessAngstrom}.
 */
public record ReferenceTask(String group, String element, Prototype prototype, double latticeGuessAngstrom)
        implements Serializable {}
