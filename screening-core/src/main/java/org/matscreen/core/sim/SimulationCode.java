package org.matscreen.core.sim;

import java.util.List;

/**
 * A simulation code matscreen can drive (the SPI between the science core and a native bridge). LAMMPS is the one
 * implementation today; the core never names it.
 */
public interface SimulationCode {

    /** Short name used in campaign files and records, e.g. {@code lammps}. */
    String name();

    /** Pair styles (or the code's equivalent) this installation can run, e.g. {@code eam/alloy}. */
    List<String> supportedPairStyles();

    /** Opens a session; sessions are expensive to open and meant to be reused. */
    SimulationSession openSession();
}
