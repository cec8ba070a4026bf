package org.matscreen.lammps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.sim.SimulationCode.Diagnosis;
import org.matscreen.kim.KimApi;
import org.matscreen.kim.KimCollections;
import org.matscreen.kim.KimModels;
import org.matscreen.lammps.jna.LammpsLibrary;
import org.matscreen.lammps.jna.LammpsNative;
import org.matscreen.lammps.jna.LibraryLocator;
import org.matscreen.lammps.worker.SessionMode;
import org.matscreen.lammps.worker.WorkerConfig;
import org.matscreen.worker.WorkerProcess;
import org.matscreen.potential.FitScopes;

/**
 * What {@code matscreen doctor} checks of a LAMMPS installation: the library (found, its packages, exception support,
 * whether in-process sessions are safe), a worker process start, and the KIM API with the models it finds.
 */
final class LammpsDiagnosis {
    private LammpsDiagnosis() {}

    /** @param library the library asked for (null: configuration, environment, then discovery) */
    static List<Diagnosis> of(String library) {
        List<Diagnosis> rows = new ArrayList<>(library(library));
        rows.add(kim());
        return rows;
    }

    /** The library's checks; only the first when it cannot be loaded, as the others need it. */
    private static List<Diagnosis> library(String explicit) {
        LibraryLocator.Result r = LibraryLocator.locate(explicit);
        if (!r.found()) {
            return List.of(new Diagnosis("lammps", false, r.fix()));
        }
        String notLammps = LibraryLocator.whyNotLammps(r.path());
        if (notLammps != null) {
            return List.of(new Diagnosis("lammps", false, notLammps));
        }
        LammpsLibrary lib = LammpsNative.load(r.path());
        List<String> packages = LammpsNative.packages(lib);
        String risk = SessionMode.inProcessRisk(lib);
        return List.of(
                new Diagnosis("lammps", true, r.path() + " (found via " + r.origin() + ")"),
                new Diagnosis("packages", true, String.join(" ", packages)),
                new Diagnosis("exceptions", true, lib.lammps_config_has_exceptions() != 0
                        ? "yes (errors can be caught in-process)"
                        : "no (a LAMMPS error ends its process; matscreen isolates LAMMPS in worker processes)"),
                new Diagnosis("MANYBODY", packages.contains("MANYBODY"), packages.contains("MANYBODY")
                        ? "yes (eam/alloy and eam/fs)"
                        : "missing (needed for eam/alloy and eam/fs): rebuild LAMMPS with -DPKG_MANYBODY=on"),
                new Diagnosis("MEAM", true, packages.contains("MEAM") ? "yes"
                        : "no (LAMMPS' own meam style is missing; MEAM models still run through the KIM API, see KIM)"),
                new Diagnosis("KIM", true, packages.contains("KIM")
                        ? "yes (kim:<model id> potentials run through the KIM API)"
                        : "no (kim:<model id> potentials unavailable: build LAMMPS with -DPKG_KIM=on, Spack: lammps +kim)"),
                new Diagnosis("mode", true, risk == null ? "in-process (exceptions, no MPI: safe in threads)"
                        : "isolated worker processes (" + risk + ")"),
                worker(r.path()));
    }

    private static Diagnosis worker(Path library) {
        Path work;
        try {
            work = Files.createTempDirectory("matscreen-doctor");
        } catch (IOException e) {
            throw new MatscreenException("cannot create a temporary directory: " + e, e);
        }
        long t0 = System.nanoTime();
        try (WorkerProcess w = WorkerProcess.start(WorkerConfig.forLibrary(library, work))) {
            return new Diagnosis("worker", true, String.format(Locale.ROOT, "started in %.2f s, pid %d, %s",
                    (System.nanoTime() - t0) / 1e9, w.pid(), w.codeVersion()));
        } catch (RuntimeException e) {
            return new Diagnosis("worker", false, e.getMessage() + "\nfix: on Debian/Ubuntu run scripts/setup.sh"
                    + " (installs openmpi-bin, which OpenMPI needs to start even a single process)");
        }
    }

    /**
     * The KIM API and the collection of models it finds, in its own search order. Optional: campaigns with potential
     * files or zhou2004 do not need it, so a missing KIM API is a hint, not a failed check.
     */
    private static Diagnosis kim() {
        KimApi.Located k = KimApi.locate();
        if (!k.found()) {
            return new Diagnosis("kim api", true, "not found (only kim:<model id> potentials need it)\nhint: "
                    + k.fix());
        }
        StringBuilder d = new StringBuilder();
        try (KimCollections c = k.api().collections()) {
            d.append(k.library()).append(' ').append(c.version()).append(" (found via ").append(k.origin())
                    .append(')');
            item(d, "config", c.configurationFile());
            for (var e : c.directories(KimCollections.ItemType.PORTABLE_MODEL).entrySet()) {
                item(d, shortName(e.getKey()), (e.getValue().isEmpty() ? "-" : String.join(":", e.getValue()))
                        + (e.getKey().startsWith("environment") ? " (" + c.environmentVariable(
                                KimCollections.ItemType.PORTABLE_MODEL) + ")" : ""));
            }
        }
        var models = new KimModels(k.api()).list();
        long fitted = models.stream().filter(m -> FitScopes.standard().entry("kim:" + m.id()).isPresent()).count();
        item(d, "models", models.size() + " portable models usable (" + fitted + " in matscreen's fit-scope"
                + " table); 'matscreen potentials' lists them");
        if (models.isEmpty()) {
            d.append("\nhint: Debian/Ubuntu: scripts/setup.sh installs openkim-models; Spack: spack install"
                    + " openkim-models");
        }
        return new Diagnosis("kim api", true, d.toString());
    }

    /** A further line of a detail: a label in a column of its own, then the value. */
    private static void item(StringBuilder detail, String label, String value) {
        detail.append('\n').append(String.format(Locale.ROOT, "%-10s %s", label, value));
    }

    private static String shortName(String collection) {
        return switch (collection) {
            case "current working directory" -> "cwd";
            case "environment variable" -> "env";
            default -> collection;
        };
    }
}
