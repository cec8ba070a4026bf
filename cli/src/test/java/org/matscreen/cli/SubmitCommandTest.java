package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code matscreen submit --dry-run}: the campaign is validated first, and the rendered Slurm and PJM scripts hold
 * the directives asked for, pass {@code bash -n}, and carry user text only in quotes.
 */
class SubmitCommandTest {
    private static final Pattern SCRIPT = Pattern.compile("(?s)---- (\\S+) \\(not written: --dry-run\\)\\n(.*?)\\n"
            + "---- would run: ([^\\n]*)");

    @TempDir
    Path dir;

    /** A syntactically valid Cu–Ni setfl file with tiny tables (enough for validation, never run). */
    Path campaign(String name) throws IOException {
        StringBuilder b = new StringBuilder("CITATION: test\n\n\n2 Cu Ni\n3 0.1 3 0.1 2.0\n");
        for (String el : new String[] {"29 63.546 3.615 fcc", "28 58.69 3.52 fcc"}) {
            b.append(el).append("\n0 -1 -2\n1.0 0.5 0.2\n");
        }
        b.append("1 2 3\n4 5 6\n7 8 9\n"); // LAMMPS starts each table on a new line
        Path pot = Files.writeString(dir.resolve("CuNi.eam.alloy"), b.toString());
        return Files.writeString(dir.resolve(name + ".yaml"), """
                name: NAME
                space: {elements: [Cu, Ni], orders: [1, 2], step: 0.25}
                structure: {prototypes: [fcc], supercell: [2, 2, 2]}
                method: {potential: POT, timeout_seconds: 120}
                """.replace("NAME", name).replace("POT", pot.toString()));
    }

    record Rendered(Path file, String text, String command) {}

    List<Rendered> dryRun(String... args) {
        List<String> a = new ArrayList<>(List.of("submit"));
        a.addAll(List.of(args));
        a.addAll(List.of("--dry-run", "--script-dir", dir.resolve("jobs").toString()));
        CliTest.Result r = CliTest.exec(a.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        List<Rendered> out = new ArrayList<>();
        Matcher m = SCRIPT.matcher(r.out());
        while (m.find()) {
            out.add(new Rendered(Path.of(m.group(1)), m.group(2), m.group(3)));
        }
        assertFalse(out.isEmpty(), r.out());
        assertFalse(Files.exists(dir.resolve("jobs")), "a dry run writes nothing");
        return out;
    }

    void assertSyntax(String script) {
        Processes.Result r = Processes.run(List.of("bash", "-n", "-c", script), Map.of(), dir, 30);
        assertEquals(0, r.code(), r.output() + "\n" + script);
    }

    @Test
    void slurmSparkClusterScript() throws IOException {
        Path c = campaign("cuni");
        List<Rendered> r = dryRun(c.toString(), "--nodes", "4", "--time", "02:00:00", "--partition", "batch",
                "--account", "proj-1", "--conf", "spark.executor.memory=4g", "--out", dir.resolve("out dir").toString());
        assertEquals(1, r.size());
        String s = r.get(0).text();
        assertSyntax(s);
        for (String line : List.of("#SBATCH --job-name=cuni", "#SBATCH --nodes=4", "#SBATCH --ntasks-per-node=1",
                "#SBATCH --exclusive", "#SBATCH --time=02:00:00", "#SBATCH --partition=batch",
                "#SBATCH --account=proj-1", "#SBATCH --output=" + dir.resolve("jobs") + "/cuni-%j.out",
                "export MATSCREEN_STOP_BEFORE=180")) {
            assertTrue(s.contains(line + "\n"), line + " in\n" + s);
        }
        assertTrue(s.contains("exec bash \"$MATSCREEN_HOME/slurm/matscreen-spark.sbatch\" '" + c + "' '--out' '"
                + dir.resolve("out dir") + "' '--conf' 'spark.executor.memory=4g'"), s);
        assertFalse(s.contains("--array"), s);
        assertTrue(r.get(0).command().startsWith("sbatch --parsable " + dir.resolve("jobs")), r.get(0).command());
        assertTrue(r.get(0).file().getFileName().toString().matches("cuni-\\d{8}T\\d{6}\\.sbatch"),
                r.get(0).file().toString());
    }

    @Test
    void slurmArrayWithMerge() throws IOException {
        List<Rendered> r = dryRun(campaign("cuni").toString(), "--array", "3", "--time", "00:30:00", "--partition",
                "short", "--stop-before", "5m");
        assertEquals(2, r.size());
        String array = r.get(0).text();
        String merge = r.get(1).text();
        assertSyntax(array);
        assertSyntax(merge);
        assertTrue(array.contains("#SBATCH --array=0-2\n") && array.contains("export MATSCREEN_SHARDS=3\n"), array);
        assertTrue(array.contains("/cuni-%A_%a.out\n") && array.contains("slurm/matscreen-local.sbatch"), array);
        assertTrue(array.contains("export MATSCREEN_STOP_BEFORE=300\n"), array);
        assertFalse(merge.contains("--array") || merge.contains("MATSCREEN_SHARDS"), merge);
        assertTrue(merge.contains("#SBATCH --job-name=cuni-merge\n") && merge.contains("#SBATCH --nodes=1\n"), merge);
        assertTrue(r.get(1).command().contains("--dependency=afterany:"), r.get(1).command());
        assertFalse(r.get(0).text().contains("{{"), "every placeholder is filled");
    }

    @Test
    void pjmBulkJobForFugaku() throws IOException {
        Path setup = Files.writeString(dir.resolve("fugaku-env.sh"), "spack load lammps\n");
        List<Rendered> r = dryRun(campaign("hea").toString(), "--scheduler", "pjm", "--nodes", "16", "--time",
                "12:00:00", "--partition", "small", "--account", "hp240000", "--array", "4", "--setup",
                setup.toString(), "--out", "/vol0004/hp240000/u/results/hea");
        String s = r.get(0).text();
        assertSyntax(s);
        assertSyntax(r.get(1).text());
        for (String line : List.of("#PJM -N hea", "#PJM -L \"node=16\"", "#PJM -L \"rscgrp=small\"",
                "#PJM -L \"elapse=12:00:00\"", "#PJM --mpi \"max-proc-per-node=1\"", "#PJM -g hp240000",
                "#PJM -x PJM_LLIO_GFSCACHE=/vol0004", "export MATSCREEN_TIME_LIMIT=43200",
                "export MATSCREEN_NODES=16", "export MATSCREEN_SHARDS=4",
                "export MATSCREEN_SETUP='" + setup + "'")) {
            assertTrue(s.contains(line + "\n"), line + " in\n" + s);
        }
        assertTrue(s.contains("slurm/pjm-spark.sh"), s);
        assertEquals("pjsub --bulk --sparam 0-3 " + r.get(0).file(), r.get(0).command());
        assertTrue(r.get(1).text().contains("slurm/pjm-local.sh") && r.get(1).command().equals("pjsub "
                + r.get(1).file()), r.get(1).command());
    }

    @Test
    void llioVolumesComeFromThePathsInvolved() {
        assertEquals("/vol0003:/vol0004", SubmitCommand.derivedVolumes(List.of("/vol0004/a", "/vol0003/b",
                "/vol0004", "/home/u", "hdfs://nn/x")));
        assertEquals(null, SubmitCommand.derivedVolumes(List.of("/home/u", "/vol12/x")));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsQueued() throws IOException {
        Path c = campaign("cuni");
        String jobs = dir.resolve("jobs").toString();
        Object[][] cases = {
            {new String[] {"--time", "2h", "--partition", "p"}, "--time"},
            {new String[] {"--time", "01:00:00", "--partition", "p;rm"}, "--partition"},
            {new String[] {"--time", "01:00:00", "--partition", "p", "--account", "a b"}, "--account"},
            {new String[] {"--time", "01:00:00", "--partition", "p", "--array", "1"}, "--array"},
            {new String[] {"--time", "01:00:00", "--partition", "p", "--array", "6"}, "more shards than"},
            {new String[] {"--time", "00:05:00", "--partition", "p", "--stop-before", "10m"}, "--stop-before"},
            {new String[] {"--time", "01:00:00", "--partition", "p", "--conf", "x"}, "--conf"},
            {new String[] {"--time", "01:00:00", "--partition", "p", "--nodes", "0"}, "--nodes"},
            {new String[] {"--time", "01:00:00", "--partition", "p", "--setup", "/no/such"}, "--setup"},
            {new String[] {"--time", "01:00:00", "--partition", "p", "--scheduler", "lsf"}, "slurm or pjm"},
        };
        for (Object[] k : cases) {
            List<String> a = new ArrayList<>(List.of("submit", c.toString(), "--script-dir", jobs));
            a.addAll(List.of((String[]) k[0]));
            CliTest.Result r = CliTest.exec(a.toArray(String[]::new));
            assertEquals(ExitCodes.INVALID_INPUT, r.code(), String.join(" ", a) + "\n" + r.out() + r.err());
            assertTrue(r.err().contains((String) k[1]), k[1] + " in " + r.err());
        }
        CliTest.Result spaces = CliTest.exec("submit", c.toString(), "--time", "01:00:00", "--partition", "p",
                "--dry-run", "--script-dir", dir.resolve("a dir").toString());
        assertEquals(ExitCodes.INVALID_INPUT, spaces.code());
        assertTrue(spaces.err().contains("--script-dir"), spaces.err());
        CliTest.Result badCampaign = CliTest.exec("submit", Files.writeString(dir.resolve("bad.yaml"),
                Files.readString(c).replace("[Cu, Ni]", "[Cu, Qq]")).toString(), "--time", "01:00:00",
                "--partition", "p", "--dry-run");
        assertEquals(ExitCodes.INVALID_INPUT, badCampaign.code());
        assertTrue(badCampaign.err().contains("unknown element 'Qq'"), badCampaign.err());
        assertFalse(Files.exists(dir.resolve("jobs")));
    }

    @Test
    void statusAndCancelCheckJobIds() {
        CliTest.Result r = CliTest.exec("cancel", "12;rm -rf ~");
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("Slurm job id"), r.err());
        CliTest.Result p = CliTest.exec("status", "--scheduler", "pjm", "12_3");
        assertEquals(ExitCodes.INVALID_INPUT, p.code());
    }
}
