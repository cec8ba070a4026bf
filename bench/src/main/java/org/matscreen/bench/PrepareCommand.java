package org.matscreen.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.CellShape;
import org.matscreen.core.sim.Step;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.potential.SetflHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Turns the records of matscreen's run (a) into the inputs of the baselines: {@code cells.txt} for the Java and
 * Python loops, one folder with {@code data.lmp} and {@code in.relax} per candidate for {@code lmp}, and
 * {@code matscreen.tsv} with matscreen's own energies and timings (the correctness reference). Input generation is
 * deliberately not timed: the baselines are charged for running, not for preparing files.
 */
@Command(name = "prepare", header = "Write the baselines' inputs from a matscreen repository.")
final class PrepareCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, description = "repository of matscreen's run")
    String repo;

    @Option(names = "--work", required = true, description = "bench work folder")
    Path work;

    @Override
    public Integer call() throws IOException {
        List<RepositoryCandidates.Computed> computed = RepositoryCandidates.read(repo);
        if (computed.isEmpty()) {
            throw new IllegalStateException("no OK record in " + repo);
        }
        CalculationRequest first = computed.get(0).request();
        if (first.properties().equationOfState() || first.properties().elasticConstants()) {
            throw new IllegalStateException("the cross-tool comparison covers the relaxation only: the campaign must"
                    + " set properties: {eos: false, elastic: false}, not " + first.properties().key()
                    + " (wanted " + PropertySettings.NONE.key() + ")");
        }
        if (!first.has(Step.LOCAL_STRUCTURE)) {
            throw new IllegalStateException("the baselines run the common-neighbour analysis matscreen records for"
                    + " every relaxed cell, but these requests have none: " + first.steps());
        }
        if (first.shape() != CellShape.CUBIC) {
            throw new IllegalStateException("the baselines relax cubic cells (box/relax iso or tri), not "
                    + first.shape());
        }
        Protocol protocol = Protocol.of(first.potential().pairStyle(), first.potential().path(), first.relax(),
                cnaCap(first.potential().path()));
        List<Cell> cells = new ArrayList<>();
        Files.createDirectories(work);
        try (PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(work.resolve("matscreen.tsv"),
                StandardCharsets.UTF_8))) {
            tsv.println("index\tid\tformula\tenergy_ev_per_atom\tnative_s\trecord_wall_s\tminimisations\taccepted");
            for (RepositoryCandidates.Computed c : computed) {
                CalculationRequest r = c.request();
                if (!r.relax().equals(first.relax()) || !r.potential().path().equals(protocol.potentialPath())) {
                    throw new IllegalStateException("candidate " + c.index() + " used other settings or another"
                            + " potential file; the baselines run one protocol");
                }
                Cell cell = Cell.of(c.index(), c.formula(), r.candidateId(), r.structure());
                cells.add(cell);
                LmpDeck.write(work.resolve("lmp").resolve(Long.toString(c.index())), cell, protocol);
                tsv.printf(Locale.ROOT, "%d\t%s\t%s\t%s\t%.6f\t%.6f\t%d\t%d%n", c.index(), r.candidateId(),
                        c.formula(), CellFile.num(c.energyPerAtomEv()), c.nativeSeconds(), c.wallSeconds(),
                        c.minimisations(), c.accepted() ? 1 : 0);
            }
        }
        CellFile.write(work.resolve("cells.txt"), protocol, cells);
        System.out.printf(Locale.ROOT, "prepared %d candidates (%s, %s) in %s%n", cells.size(), protocol.pairStyle(),
                protocol.potentialPath(), work);
        return 0;
    }

    /**
     * The largest CNA cut-off, as {@code LammpsCalculator} caps it: 0.99 × the cut-off a setfl file states, infinite
     * for a potential that is not one (a KIM model's folder).
     */
    static double cnaCap(String potentialPath) {
        try {
            return Protocol.CNA_CAP_FRACTION * SetflHeader.read(Path.of(potentialPath), potentialPath, "")
                    .cutoffAngstrom();
        } catch (RuntimeException notSetfl) {
            return Double.POSITIVE_INFINITY;
        }
    }
}
