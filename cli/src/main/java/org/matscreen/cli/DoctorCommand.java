package org.matscreen.cli;

import com.sun.jna.Platform;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.matscreen.lammps.jna.LammpsLibrary;
import org.matscreen.kim.KimApi;
import org.matscreen.kim.KimCollections;
import org.matscreen.kim.KimModels;
import org.matscreen.potential.FitScopes;
import org.matscreen.lammps.jna.LammpsNative;
import org.matscreen.lammps.jna.LibraryLocator;
import org.matscreen.potential.PotentialRegistry;
import org.matscreen.lammps.worker.WorkerConfig;
import org.matscreen.lammps.worker.WorkerProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code matscreen doctor}: checks the native pieces and says how to fix what is missing. */
@Command(name = "doctor", header = "Check the LAMMPS library, potentials and worker processes.",
        mixinStandardHelpOptions = true)
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LammpsLibraryOption library;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        boolean ok = true;
        o.printf("java       %s (%s) on %s/%s; JNA platform %s%n", System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Platform.RESOURCE_PREFIX);
        MatscreenConfig config = MatscreenConfig.load();
        o.printf("config     %s%s%n", config.file(), Files.isRegularFile(config.file()) ? "" : " (not present)");
        LibraryLocator.Result r = library.locate(config);
        if (!r.found()) {
            o.println("lammps     MISSING");
            o.println("  fix: " + r.fix());
            return ExitCodes.CHECK_FAILED;
        }
        o.printf("lammps     %s (found via %s)%n", r.path(), r.origin());
        LammpsLibrary lib = LammpsNative.load(r.path());
        List<String> packages = LammpsNative.packages(lib);
        boolean exceptions = lib.lammps_config_has_exceptions() != 0;
        o.printf("  packages   %s%n", String.join(" ", packages));
        o.printf("  exceptions %s%n", exceptions ? "yes (errors can be caught in-process)"
                : "no (a LAMMPS error ends its process; matscreen isolates LAMMPS in worker processes)");
        o.printf("  MEAM       %s%n", packages.contains("MEAM") ? "yes" : "no (LAMMPS' own meam style is missing; MEAM"
                + " models still run through the KIM API, see KIM)");
        o.printf("  KIM        %s%n", packages.contains("KIM") ? "yes (kim:<model id> potentials run through the KIM API)"
                : "no (kim:<model id> potentials unavailable: build LAMMPS with -DPKG_KIM=on, Spack: lammps +kim)");
        String risk = org.matscreen.lammps.worker.SessionMode.inProcessRisk(lib);
        o.printf("  mode       %s%n", risk == null ? "in-process (exceptions, no MPI: safe in threads)"
                : "isolated worker processes (" + risk + ")");
        if (!packages.contains("MANYBODY")) {
            ok = false;
            o.println("  MISSING package MANYBODY (needed for eam/alloy and eam/fs): rebuild LAMMPS with"
                    + " -DPKG_MANYBODY=on");
        }
        Path work;
        try {
            work = Files.createTempDirectory("matscreen-doctor");
        } catch (java.io.IOException e) {
            throw new org.matscreen.core.error.MatscreenException("cannot create a temporary directory: " + e, e);
        }
        long t0 = System.nanoTime();
        try (WorkerProcess w = WorkerProcess.start(WorkerConfig.forLibrary(r.path(), work))) {
            o.printf("worker     started in %.2f s, pid %d, %s%n", (System.nanoTime() - t0) / 1e9, w.pid(),
                    w.codeVersion());
        } catch (RuntimeException e) {
            ok = false;
            o.println("worker     FAILED: " + e.getMessage());
            o.println("  fix: on Debian/Ubuntu run scripts/setup.sh (installs openmpi-bin, which OpenMPI needs to"
                    + " start even a single process)");
        }
        var registry = PreparedCampaign.registry(config);
        int n = registry.list().size();
        o.printf("potentials %d setfl files in %s%n", n, registry.directories());
        if (n == 0 || !Files.isDirectory(PotentialRegistry.DEBIAN_DIR)) {
            o.println("  hint: scripts/setup.sh installs Debian's lammps-data (potentials in "
                    + PotentialRegistry.DEBIAN_DIR + ")");
        }
        kim(o);
        o.println(ok ? "all checks passed" : "some checks failed");
        return ok ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /**
     * The KIM API and the collection of models it finds, in its own search order. Optional: campaigns with potential
     * files or zhou2004 do not need it, so a missing KIM API is a hint, not a failed check.
     */
    private static void kim(PrintWriter o) {
        KimApi.Located k = KimApi.locate();
        if (!k.found()) {
            o.println("kim api    not found (only kim:<model id> potentials need it)");
            o.println("  hint: " + k.fix());
            return;
        }
        try (KimCollections c = k.api().collections()) {
            o.printf("kim api    %s %s (found via %s)%n", k.library(), c.version(), k.origin());
            o.printf("  config     %s%n", c.configurationFile());
            for (var e : c.directories(KimCollections.ItemType.PORTABLE_MODEL).entrySet()) {
                o.printf("  %-10s %s%s%n", shortName(e.getKey()), e.getValue().isEmpty() ? "-" : String.join(":", e.getValue()),
                        e.getKey().startsWith("environment") ? " (" + c.environmentVariable(
                                KimCollections.ItemType.PORTABLE_MODEL) + ")" : "");
            }
        }
        var models = new KimModels(k.api()).list();
        long fitted = models.stream().filter(m -> FitScopes.standard().entry("kim:" + m.id()).isPresent()).count();
        o.printf("  models     %d portable models usable (%d in matscreen's fit-scope table); 'matscreen potentials'"
                + " lists them%n", models.size(), fitted);
        if (models.isEmpty()) {
            o.println("  hint: Debian/Ubuntu: scripts/setup.sh installs openkim-models; Spack: spack install"
                    + " openkim-models");
        }
    }

    private static String shortName(String collection) {
        return switch (collection) {
            case "current working directory" -> "cwd";
            case "environment variable" -> "env";
            default -> collection;
        };
    }
}
