package org.matscreen.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.structure.Prototype;
import org.matscreen.potential.SetflHeader;

/**
 * Volumes per atom (Å³) of the elements as a setfl potential file states them (lattice constant and type on each
 * element line): starting points where no relaxed reference exists. Read once per file and JVM.
 */
final class StatedVolumes {
    private static final ConcurrentHashMap<String, Map<String, Double>> CACHE = new ConcurrentHashMap<>();

    private StatedVolumes() {}

    static Map<String, Double> of(PotentialRef file) {
        return CACHE.computeIfAbsent(file.sha256(), k -> read(Path.of(file.path())));
    }

    static Map<String, Double> read(Path file) {
        Map<String, Double> volume = new TreeMap<>();
        try {
            SetflHeader h = SetflHeader.read(file, file.toString(), "");
            for (SetflHeader.ElementLine line : SetflHeader.elementLines(file, h)) {
                Prototype p = switch (line.lattice()) {
                    case "bcc" -> Prototype.BCC;
                    case "hcp" -> Prototype.HCP;
                    default -> Prototype.FCC; // fcc, or a type matscreen does not build: any guess relaxes
                };
                double a = line.latticeAngstrom() > 0.5 ? line.latticeAngstrom() : 3.6;
                volume.put(line.element(), p.volumePerAtom(a));
            }
        } catch (InvalidInputException e) {
            // a damaged file: callers fall back to a generic guess, and LAMMPS will report the damage
        }
        return volume;
    }
}
