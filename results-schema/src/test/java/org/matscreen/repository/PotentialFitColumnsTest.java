package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.sim.FitScope;

/** Each record states which unlike pairs of its composition the potential was fitted to (issue 14). */
class PotentialFitColumnsTest {
    private final RecordCodec codec = new RecordCodec();

    static CandidateResult withScope(String formula, FitScope scope) {
        CandidateResult r = Records.ok(formula, 1);
        MethodInfo m = r.method();
        MethodInfo scoped = new MethodInfo(m.code(), m.potential().withFitScope(scope), m.relax(), m.properties());
        return new CandidateResult(r.id(), r.campaign(), r.candidateIndex(), r.composition(), r.cellComposition(),
                r.recipe(), r.startingLatticeParameterAngstrom(), r.status(), r.errorText(), r.relaxed(),
                r.properties(), r.relaxation(), r.eosVolumesA3PerAtom(), r.eosEnergiesEvPerAtom(), r.elastic(),
                r.descriptors(), null, scoped, r.potentialFile(), r.provenance(), r.visibility());
    }

    @Test
    void aPartlyFittedCompositionListsItsFittedPairs() {
        CandidateResult r = withScope("Al0.25Co0.25Ni0.5", FitScope.of("Ni-Al"));
        Group g = codec.encode(r);
        assertEquals("fitted:Al-Ni", g.getString("method_potential_fit_scope", 0));
        assertEquals("partial", g.getString("potential_fit", 0));
        Group pairs = g.getGroup("potential_fitted_pairs", 0);
        assertEquals(1, pairs.getFieldRepetitionCount("list"));
        assertEquals("Al-Ni", pairs.getGroup("list", 0).getString("element", 0));
        assertEquals(r.method(), codec.decode(g).method(), "the fit scope survives the round trip");
    }

    @Test
    void aMixingRuleAndAnUnknownScopeAreSaidSo() {
        assertEquals("mixing_rule", codec.encode(withScope("Cu0.5Ni0.5", FitScope.MIXING_RULE))
                .getString("potential_fit", 0));
        Group unknown = codec.encode(withScope("Cu0.5Ni0.5", FitScope.UNKNOWN));
        assertEquals("unknown", unknown.getString("potential_fit", 0));
        assertEquals(FitScope.UNKNOWN, codec.decode(unknown).method().potential().fitScope());
        assertEquals("fitted", codec.encode(withScope("Cu0.5Ni0.5", FitScope.wholeSystem(List.of("Cu", "Ni"))))
                .getString("potential_fit", 0));
        assertFalse(FitScope.UNKNOWN.known());
    }
}
