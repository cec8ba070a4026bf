package org.matscreen.core.sim;

import java.util.List;

/**
 * A simulation code matscreen can drive: the SPI between the engine and a code's bridge. The engine (spark-jobs, cli)
 * reaches a code only through this interface, found by {@link SimulationCodes#get} under the campaign's
 * {@code method.code}; an implementation is registered in its module's
 * {@code META-INF/services/org.matscreen.core.sim.SimulationCode}.
 *
 * <p>Options are resolved once on the driver ({@link #resolve}) and shipped to every node, where
 * {@link #openSession} may still prefer the node's own installation (a heterogeneous cluster). Implementations are
 * stateless apart from per-JVM process pools, and must be cheap to construct (the registry builds them eagerly).
 */
public interface SimulationCode {

    /** Short name used in campaign files and records, e.g. {@code lammps}. */
    String name();

    /** What the code computes and how it must run. */
    CodeCapabilities capabilities();

    /**
     * The capabilities of sessions opened with these options from {@link #resolve}, where an option changes them
     * (GPAW's {@code cores} sets {@link CodeCapabilities#coresPerSession()}); by default {@link #capabilities()}.
     */
    default CodeCapabilities capabilities(CodeOptions resolved) {
        return capabilities();
    }

    /**
     * The driver's options made concrete and checked: installation paths located, modes parsed. Throws
     * {@link org.matscreen.core.error.InvalidInputException} naming the option for bad user input and
     * {@link org.matscreen.core.error.MatscreenException} with the fix when the code is not installed.
     */
    CodeOptions resolve(CodeOptions requested);

    /**
     * Opens a session on this node with options from {@link #resolve}; sessions are expensive to open (a process,
     * MPI) and meant to be reused across many candidates by one thread at a time.
     */
    SimulationSession openSession(CodeOptions resolved);

    /**
     * Starts up to {@code sessions} sessions' worth of processes in the background so the first candidates do not
     * wait for them (local mode, before Spark starts). Returns at once; a code without start-up cost ignores it.
     */
    default void warm(CodeOptions resolved, int sessions) {}

    /**
     * The models a campaign's method names, resolved on the driver: one per member of an ensemble of potentials (one
     * otherwise), each saying which checksummed file (a potential file, or a DFT code's settings file) every
     * calculation uses. A method the code cannot compute with (an interatomic potential for a DFT code, DFT settings
     * for a classical one) is an {@link org.matscreen.core.error.InvalidInputException} naming
     * {@code lookup.source()} and the method's field.
     *
     * @param systems the campaign's chemical systems (elements alphabetical)
     */
    List<PotentialSource> models(org.matscreen.core.campaign.MethodSpec method, List<List<String>> systems,
            ModelLookup lookup);

    /** Why a session of this installation cannot run {@code model} (e.g. a LAMMPS without KIM), or null if it can. */
    default String cannotRun(PotentialRef model, CodeOptions resolved) {
        return null;
    }

    /**
     * The code's own prior for one candidate's cost, s, when the engine's classical cost model (atoms × force
     * evaluations × a per-atom constant, {@link org.matscreen.core.plan.CostModel}) does not describe it; NaN to use
     * that model. A DFT code's cost depends on its k-points and basis, which only it knows.
     *
     * @param model the calculation's model file
     * @param cell the candidate's cell
     * @param species the element of every site
     */
    default double priorSeconds(PotentialRef model, org.matscreen.core.structure.Lattice cell, List<String> species,
            RelaxSettings relax, PropertySettings properties) {
        return Double.NaN;
    }

    /** Installation checks for {@code matscreen doctor}: each one's verdict and what to do about a failure. */
    List<Diagnosis> diagnose(CodeOptions requested);

    /**
     * One check of an installation.
     *
     * @param check what was checked, e.g. "LAMMPS library"
     * @param ok whether it passed
     * @param detail what was found, or the fix when it failed; further lines (after line breaks) are sub-items, e.g.
     *     {@code fix: ...} or {@code hint: ...}, which {@code doctor} prints indented below the first
     */
    record Diagnosis(String check, boolean ok, String detail) {}
}
