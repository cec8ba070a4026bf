package org.matscreen.repository.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.result.AggregateAxis;
import org.matscreen.core.result.CandidateIds;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.EnsembleAggregate;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.sim.PotentialEnsemble;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.repository.AggregateStore;
import org.matscreen.repository.JsonFiles;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.Records;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.TestRepositories;
import org.matscreen.repository.query.RecordStore;

/**
 * The report of a campaign with an ensemble of two potentials: the members named with their citations, the spread
 * of the plotted property per composition as a chart and a table, its medians next to the configurational spread, and
 * composition charts drawn per member.
 */
class EnsembleReportTest {
    static final PotentialSpec A = new PotentialSpec(
            "kim:EAM_Dynamo_BonnyCastinTerentyev_2013_FeNiCr__MO_763197941039_000", "ka", "kim",
            List.of("Cu", "Ni"), "Bonny et al. (2013)");
    static final PotentialSpec B = new PotentialSpec("zhou2004", "kb", "eam/alloy", List.of("Cu", "Ni"), "Zhou (2004)");
    static final String YAML = """
            name: ensemble-report
            space: {elements: [Cu, Ni], orders: [2], step: 0.25}
            structure: {prototypes: [fcc], supercell: [2, 2, 2], samples: 2}
            method: {potential: [kim:EAM_Dynamo_BonnyCastinTerentyev_2013_FeNiCr__MO_763197941039_000, zhou2004]}
            screening: {objectives: ["min dh_mix_ev_per_atom"]}
            """;

    static CandidateResult record(PotentialSpec p, String formula, int sample, double dh) {
        CandidateResult r = Records.ok(formula, sample);
        MethodInfo method = new MethodInfo(r.method().code(), p, r.method().relax(), r.method().properties());
        CandidateProperties.Builder b = CandidateProperties.builder();
        r.properties().values().forEach(b::put);
        b.put("dh_mix_ev_per_atom", dh);
        var recipe = r.recipe().withSample(sample);
        String configuration = CandidateIds.configuration(r.composition(), recipe.key());
        return new CandidateResult(CandidateIds.member(configuration, method.key()), "ensemble-report", sample,
                r.composition(), r.cellComposition(), recipe, 3.6, r.status(), "", r.relaxed(), b.build(),
                r.relaxation(), r.eosVolumesA3PerAtom(), r.eosEnergiesEvPerAtom(), r.elastic(), r.descriptors(),
                r.warrenCowley(), method, r.potentialFile(), r.provenance(), r.visibility(), configuration);
    }

    @Test
    void theSpreadAcrossPotentialsIsShownAndItsMembersNamed(@TempDir Path dir) {
        // three compositions; member A lower by 0.02 eV/atom; orderings 0.004 apart within each member
        List<CandidateResult> records = new ArrayList<>();
        String[] formulas = {"Cu0.25Ni0.75", "Cu0.5Ni0.5", "Cu0.75Ni0.25"};
        for (int i = 0; i < formulas.length; i++) {
            for (int s = 0; s < 2; s++) {
                records.add(record(A, formulas[i], s, 0.01 * i + 0.004 * s));
                records.add(record(B, formulas[i], s, 0.01 * i + 0.004 * s + 0.02));
            }
        }
        RepositoryLayout layout = TestRepositories.write(dir, records, 4);
        JsonFiles.write(layout, layout.manifest(), new Manifest(3, "ensemble-report", "", YAML,
                "2026-01-01T00:00:00Z", "2026-01-01T00:10:00Z", "ab".repeat(32), 12, Map.of("ok", 12L), "0.1.0",
                "abc", "LAMMPS", new Manifest.Potential(new PotentialEnsemble(List.of(A, B)).spec().name(),
                        "kim+eam/alloy", "cd".repeat(32), "", List.of("Cu", "Ni")), List.of()));
        PotentialEnsemble ensemble = new PotentialEnsemble(List.of(A, B));
        Map<String, EnsembleAggregate> groups = new java.util.TreeMap<>();
        for (CandidateResult r : records) {
            EnsembleAggregate one = EnsembleAggregate.of(ensemble, r);
            groups.merge(one.groupId(), one, EnsembleAggregate::merge);
        }
        AggregateStore store = new AggregateStore(layout, AggregateAxis.POTENTIALS);
        var staging = store.newStaging();
        store.writeEnsemblePart(staging, new ArrayList<>(groups.values()));
        store.publish(staging);

        ReportData data = ReportData.collect(new RecordStore(layout), null);
        assertEquals(List.of(A.name(), B.name()), data.ensemble().members().stream().map(ReportData.Member::name)
                .toList());
        assertEquals("Bonny et al. (2013)", data.ensemble().members().get(0).citation(), "from the records");
        assertEquals("BonnyCastinTerentyev 2013", data.ensemble().members().get(0).label());
        assertEquals(3, data.ensemble().spreads().size());
        ReportData.SpreadPoint first = SpreadChart.byMean(data.ensemble()).get(0);
        assertEquals(0.002 + 0.01, first.mean(), 1e-12, "(0.002 + 0.022) / 2");
        assertEquals(0.02 / Math.sqrt(2), first.std(), 1e-12);
        assertEquals(0.004 / Math.sqrt(2), first.configurationStd(), 1e-12, "two orderings 0.004 apart");

        String html = HtmlReport.render(data, Instant.parse("2026-01-02T00:00:00Z"));
        assertTrue(html.contains("<h2 id=\"ensemble\">Spread across potentials</h2>"));
        assertTrue(html.contains("<code>zhou2004</code>: Zhou (2004)"), "members named with their citations");
        assertEquals(3, HtmlReportTest.count(html, "class=\"spread-band\""), "one band per composition");
        assertEquals(6, HtmlReportTest.count(html, "<circle class=\"member-point\""), "a dot per member");
        assertEquals(3, HtmlReportTest.count(html, "class=\"configuration-bar\""));
        String table = html.substring(html.indexOf("<table id=\"spread-table\">"));
        table = table.substring(0, table.indexOf("</table>"));
        assertEquals(3, HtmlReportTest.count(table, "<tr><td>"), "a row per composition");
        assertTrue(table.contains("<th>BonnyCastinTerentyev 2013</th><th>zhou2004</th><th>mean</th>"));
        assertTrue(html.contains("median standard deviation across potentials 0.01414"), html.substring(
                html.indexOf("ensemble-summary"), html.indexOf("ensemble-summary") + 300));
        assertTrue(html.contains("median standard deviation over orderings (pooled within members) 0.002828"));
        assertTrue(html.contains("fcc · BonnyCastinTerentyev 2013") && html.contains("fcc · zhou2004"),
                "composition charts draw a series per member");
        assertTrue(!html.contains("Error bars: mean ± standard error"), "no per-member error bars mixed in");
    }
}
