package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {

    @Test
    void readsTheOptionalCountColumnsAndMarksTheirAbsence(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.tsv");
        Files.writeString(f, ResultTable.HEADER + "\t" + ResultTable.EVALUATIONS_HEADER + "\n"
                + "3\t-3.54\t1\t0.25\t1000\t1250\n"              // a tool without counts (native, python)
                + "4\t-3.55\t2\t0.50\t1000\t1500\t611\n"         // lmp: evaluations only
                + "5\t-3.56\t5\t0.75\t1000\t1750\t278\t0\n"    // relax_protocols.py pool: not accepted
                + "6\t-3.57\t1\t0.80\t1000\t1800\t-1\t1\t0.02\n"); // native, python: analysis seconds
        List<ResultTable.Row> rows = ResultTable.read(f);
        assertEquals(ResultTable.NOT_COUNTED, rows.get(0).forceEvaluations());
        assertTrue(rows.get(0).accepted());
        assertEquals(611, rows.get(1).forceEvaluations());
        assertTrue(rows.get(1).accepted());
        assertEquals(278, rows.get(2).forceEvaluations());
        assertFalse(rows.get(2).accepted());
        assertTrue(Double.isNaN(rows.get(2).analysisSeconds()));
        assertEquals(ResultTable.NOT_COUNTED, rows.get(3).forceEvaluations());
        assertEquals(0.02, rows.get(3).analysisSeconds());
        // Σ over a tool's rows is only a count when every row has one
        Map<Long, ToolRun.Reference> ref = Map.of(4L, new ToolRun.Reference(-3.55, 2, 0.5, true),
                5L, new ToolRun.Reference(-3.56, 5, 0.75, true));
        assertEquals(889, ToolRun.of("x", rows.subList(1, 3), ref, 1).forceEvaluations());
        assertEquals(ResultTable.NOT_COUNTED, ToolRun.of("x", rows, ref, 1).forceEvaluations());
        assertEquals(ResultTable.NOT_COUNTED, ToolRun.of("x", rows.subList(1, 4), ref, 1).forceEvaluations());
    }

    @Test
    void theGateCountsEveryCandidateBeyondATenthOfAMilliElectronvoltOrWithoutAReference() {
        Map<Long, RelaxationSection.Counted> tight = Map.of(
                1L, new RelaxationSection.Counted(-3.60000, 700, true),
                2L, new RelaxationSection.Counted(-3.70000, 700, true));
        List<ResultTable.Row> rows = List.of(
                new ResultTable.Row(1, -3.60009, 1, 0, 0, 0),     // 0.09 meV/atom: within
                new ResultTable.Row(2, -3.70011, 1, 0, 0, 0),     // 0.11 meV/atom: over
                new ResultTable.Row(3, -3.80000, 1, 0, 0, 0));    // no reference: counted as over
        assertEquals(2, RelaxationSection.over(rows, tight));
        assertEquals(1, RelaxationSection.over(rows.subList(0, 2), tight));
        assertEquals(0.00011, RelaxationSection.maxDiff(rows.subList(0, 2), tight), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, RelaxationSection.maxDiff(rows, tight));
    }
}
