package org.matscreen.core.campaign;

import java.io.Serializable;
import java.util.Objects;

/**
 * A later tier of a multi-fidelity campaign ({@code tiers:}): a more accurate method run on the best candidates of
 * the tier before it. The tier's candidates are the compositions of the previous tier's top {@link #top()} ranked
 * records (after its filters and flag exclusions), in the prototypes those records had, each built as the smallest
 * cell of {@link #minAtoms()} to {@link #maxAtoms()} sites that holds the composition exactly, as a small SQS. Eight
 * sites or more by default: the classical tier computes solid solutions, and a cell of four fcc sites holds only the
 * ordered structures (Ni₃Al on four sites is L1₂), which answer another question; {@code min_atoms: 1} asks for them.
 *
 * @param name the tier's name (letters, digits, '-', '_'); its repository is {@code tiers/<name>} inside the campaign's
 * @param top how many ranked records of the previous tier it takes (≥ 1)
 * @param method how it computes them (its own code, model, relaxation and properties)
 * @param minAtoms smallest cell it may build, sites
 * @param maxAtoms largest cell it may build, sites
 * @param sqsShells neighbour shells the small-cell SQS search optimises
 */
public record TierSpec(String name, int top, MethodSpec method, int minAtoms, int maxAtoms, int sqsShells)
        implements Serializable {

    /** Smallest cell of a tier by default: the smallest worth calling an SQS. */
    public static final int DEFAULT_MIN_ATOMS = 8;
    /** Largest cell of a tier by default. */
    public static final int DEFAULT_MAX_ATOMS = 16;
    /** Largest cell a tier may ask for: DFT cost grows with the cube of the atoms. */
    public static final int MAX_ATOMS = 32;

    public TierSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        if (top < 1) {
            throw new IllegalArgumentException("top must be >= 1: " + top);
        }
        if (minAtoms < 1 || maxAtoms < minAtoms || maxAtoms > MAX_ATOMS) {
            throw new IllegalArgumentException("need 1 <= minAtoms <= maxAtoms <= " + MAX_ATOMS + ": " + minAtoms
                    + ", " + maxAtoms);
        }
    }
}
