package org.matscreen.core.properties;

import java.util.function.Consumer;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Supercell;

/**
 * What a {@link PropertyCalculation} derives its values from.
 *
 * @param outcome the simulation code's OK outcome
 * @param prototype the requested prototype
 * @param supercell repeats of its conventional cell
 * @param references pure-element references of the potential (null when unknown)
 * @param notes receives a line for every value that could not be derived
 */
public record PropertyInput(CalculationOutcome outcome, Prototype prototype, Supercell supercell,
        ReferenceEnergies references, RelaxSettings relax, PropertySettings settings, Consumer<String> notes) {

    public void note(String text) {
        notes.accept(text);
    }
}
