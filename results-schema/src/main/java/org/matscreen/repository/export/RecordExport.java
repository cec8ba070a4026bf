package org.matscreen.repository.export;

import org.matscreen.core.result.CandidateResult;

/**
 * What an export of a record says besides its relaxed cell: the id, campaign, candidate index, formula, prototype, the
 * potential file, a few properties, and the total energy of the exported cell ({@value #ENERGY_KEY}, eV), which
 * extended XYZ writes under ASE's {@code energy} key so that {@code atoms.get_potential_energy()} returns it.
 */
public final class RecordExport {
    /** Metadata key of the total potential energy of the exported cell, eV. */
    public static final String ENERGY_KEY = "energy_ev";
    /**
     * Metadata key of the relaxed cell's stress: six numbers in Voigt order (xx, yy, zz, yz, xz, xy), GPa, positive in
     * tension, as one line of text; extended XYZ writes it as ASE's {@code stress} (see {@link ExtxyzWriter}).
     */
    public static final String STRESS_KEY = "stress_voigt_gpa";

    /** Record properties carried as metadata, where the record has them. */
    static final String[] METRICS = {"energy_per_atom_ev", "dh_mix_ev_per_atom", "dh_form_ev_per_atom",
        "bulk_modulus_gpa", "lattice_parameter_angstrom"};

    private RecordExport() {}

    /** The export information of a record with a relaxed structure. */
    public static ExportInfo info(CandidateResult r) {
        ExportInfo info = ExportInfo.of(r.id()).with("campaign", r.campaign())
                .with("candidate_index", r.candidateIndex()).with("formula", r.composition().formula())
                .with("prototype", r.recipe().prototype().key());
        if (r.potentialFile() != null) {
            // The file this structure was relaxed with; a campaign's potential may be a family of files.
            info = info.with("potential", r.potentialFile().name()).with("potential_sha256",
                    r.potentialFile().sha256());
        }
        double perAtom = r.metric("energy_per_atom_ev");
        if (r.relaxed() != null && Double.isFinite(perAtom)) {
            // The record keeps eV/atom of this very cell; the total is what ML training sets and ASE expect.
            info = info.with(ENERGY_KEY, perAtom * r.relaxed().siteCount());
        }
        double[] stress = r.relaxation() == null ? new double[0] : r.relaxation().stressGpa();
        if (r.relaxed() != null && stress.length == 6 && java.util.Arrays.stream(stress).allMatch(Double::isFinite)) {
            StringBuilder b = new StringBuilder();
            for (double s : stress) {
                b.append(b.length() == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.17g", s));
            }
            info = info.with(STRESS_KEY, b.toString());
        }
        for (String m : METRICS) {
            double v = r.metric(m);
            if (Double.isFinite(v)) {
                info = info.with(m, v);
            }
        }
        return info;
    }
}
