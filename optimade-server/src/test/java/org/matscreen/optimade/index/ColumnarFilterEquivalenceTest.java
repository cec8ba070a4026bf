package org.matscreen.optimade.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.structure.Prototype;
import org.matscreen.optimade.Fixtures;
import org.matscreen.optimade.access.EmbargoPolicy;
import org.matscreen.optimade.schema.StructureSchema;
import org.matscreen.repository.filter.CompiledFilter;
import org.matscreen.repository.filter.FilterCompiler;
import org.matscreen.repository.filter.FilterExpression;

/**
 * The columnar evaluation gives exactly what the reference evaluator of results-schema gives, row by row, for true
 * and for false (so unknown rows agree too), over records with unknown values (failed calculations) and values at the
 * edges of the number comparisons.
 */
class ColumnarFilterEquivalenceTest {
    @TempDir
    static Path dir;
    static StructureIndex index;

    @BeforeAll
    static void build() {
        String[] formulas = {"Cu", "Ni", "Cu0.5Ni0.5", "Cu0.75Ni0.25", "CoCrFeNi", "Cr0.25Fe0.25Ni0.5", "AlCoCrFeNi",
            "MoNbTaW", "Al0.25Ti0.75", "Co0.25Mn0.25Ni0.5", "Fe0.5Ni0.5", "Cr0.5Ni0.5"};
        Random random = new Random(7);
        List<CandidateResult> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String f = formulas[random.nextInt(formulas.length)];
            Prototype p = f.equals("Al0.25Ti0.75") ? Prototype.HCP
                    : f.equals("AlCoCrFeNi") || f.equals("MoNbTaW") ? Prototype.BCC : Prototype.FCC;
            if (i % 9 == 4) {
                records.add(Fixtures.crashed("r" + i, f.equals("Al0.25Ti0.75") || f.equals("CoCrFeNi")
                        || f.startsWith("Co0.25") || f.startsWith("Cr0.25") || f.equals("Cu0.75Ni0.25") ? "VW" : f,
                        i, Visibility.PUBLIC));
                continue;
            }
            double dh = i % 7 == 0 ? 0.0 : i % 11 == 0 ? -0.0 : (random.nextInt(200) - 100) / 1000.0;
            records.add(Fixtures.ok("r" + i, i % 2 == 0 ? "even" : "odd", f, i, p, Fixtures.ZHOU,
                    Visibility.PUBLIC, dh, 1_760_000_000_000L + 86_400_000L * i + (i % 3)));
        }
        index = IndexBuilder.build(Fixtures.repository(dir, records), new IndexBuilder.Options(true,
                EmbargoPolicy.DEFAULT, 1 << 20), line -> { });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "nelements > 2", "3 > nelements", "nelements = 2.0", "nelements < 2.5", "nelements > 9223372036854775807",
        "nelements > -1e300", "nelements != 2.5", "_matscreen_dh_mix_ev_per_atom = 0",
        "_matscreen_dh_mix_ev_per_atom >= -0.0", "_matscreen_dh_mix_ev_per_atom < 0.01",
        "NOT _matscreen_dh_mix_ev_per_atom < 0.01", "_matscreen_dh_mix_ev_per_atom > 9007199254740993",
        "_matscreen_c11_gpa IS KNOWN", "NOT _matscreen_c11_gpa IS UNKNOWN", "_matscreen_c11_gpa",
        "NOT _matscreen_relax_converged", "_matscreen_relax_converged != TRUE",
        "elements HAS \"Ni\" AND NOT elements HAS \"Cu\"", "elements HAS ALL \"Ni\", \"Cr\"",
        "elements HAS ANY \"Mo\", \"Ti\", \"Zr\"", "elements HAS ONLY \"Cu\", \"Ni\"", "elements HAS > \"Mn\"",
        "elements HAS ALL > \"A\", < \"Co\"", "elements HAS CONTAINS \"o\"", "elements LENGTH 2",
        "elements LENGTH > 2", "elements_ratios HAS 0.5", "elements_ratios HAS ALL 0.25, 0.5",
        "elements_ratios HAS ONLY < 0.6", "_matscreen_cell_counts HAS 16", "_matscreen_cell_counts HAS ANY > 20.5",
        "chemical_formula_reduced < \"CuNi\"", "chemical_formula_reduced >= \"Cu\"",
        "chemical_formula_reduced = \"Zz\"", "chemical_formula_anonymous ENDS \"B\"",
        "_matscreen_status = \"crashed\"", "_matscreen_error CONTAINS \"pair_coeff\"",
        "last_modified > \"2025-10-20T00:00:00Z\"", "last_modified = \"2025-10-10T08:26:40.001Z\"",
        "last_modified < \"2025-10-12T08:26:40.0015Z\"", "_matscreen_campaign = \"odd\" OR nsites = 40",
        "NOT (_matscreen_campaign = \"odd\" OR _matscreen_c11_gpa > 100)",
        "_matscreen_c11_gpa > 100 OR NOT _matscreen_c11_gpa > 100", "_matscreen_c11_gpa > 100 AND nelements > 1",
        "elements:elements_ratios HAS \"Ni\":>0.3", "elements:elements_ratios HAS ONLY \"Ni\":0.5, \"Cu\":0.5",
        "_matscreen_candidate_index > nelements", "_matscreen_bulk_modulus_gpa > _matscreen_c44_gpa",
        "elements HAS chemical_formula_reduced", "_exmpl_x > 1 OR nelements = 1", "NOT _exmpl_x > 1",
        "_exmpl_x IS UNKNOWN", "chemical_formula_hill IS UNKNOWN", "structure_features LENGTH 0",
        "dimension_types HAS 0", "type = \"structures\" AND nelements = 1", "1 < 2", "id = \"r3\"",
        "id > \"r30\"", "_matscreen_prototype STARTS \"b\" AND _matscreen_ordering = \"random\""
    })
    void sameAsTheReferenceEvaluator(String filter) {
        IndexQuery.Filter f = IndexQuery.compile(filter);
        BitSet all = new BitSet();
        all.set(0, index.rows());
        Selection columnar = f.checked().expression().accept(new ColumnarFilter(index, all));
        FilterExpression e = f.checked().expression();
        CompiledFilter isTrue = FilterCompiler.compile(e, StructureSchema.get().catalogue());
        CompiledFilter isFalse = FilterCompiler.compile(new FilterExpression.Not(e), StructureSchema.get().catalogue());
        BitSet t = new BitSet();
        BitSet fl = new BitSet();
        for (int r = 0; r < index.rows(); r++) {
            if (isTrue.test(new RowTarget(index, r))) {
                t.set(r);
            }
            if (isFalse.test(new RowTarget(index, r))) {
                fl.set(r);
            }
        }
        assertEquals(t, columnar.isTrue(), "true rows of " + filter);
        assertEquals(fl, columnar.isFalse(), "false rows of " + filter);
        BitSet viaQuery = IndexQuery.matching(index, f, all);
        assertEquals(t, viaQuery, "IndexQuery.matching of " + filter);
    }
}
