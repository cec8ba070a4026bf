package org.matscreen.repository.schema;

import java.util.List;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.sim.RelaxMode;

/**
 * Version 1 → 2 (issue 13: records say what was actually computed). Version-1 rows come from the protocol that
 * relaxed all six cell components and had no structure identity, instability probe, Born check, full elastic tensor
 * or configurational sampling. The step records what is known about such a row and leaves the rest unknown:
 * {@code relax_mode} is {@code free} (and {@code relax_settings} says so), {@code sample} is 0 and the row is its own
 * configuration group; {@code sqs_warren_cowley} is renamed {@code warren_cowley} and {@code cubic_deviation_gpa}
 * {@code elastic_symmetry_deviation_gpa}; an OK row whose relaxation did not converge gets the {@code unconverged}
 * flag, the one flag its columns prove. Every other new column (structure identity, probe, Born stability, the
 * other flags) reads as unknown.
 */
final class StructureIdentityMigration implements SchemaMigration {

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public String description() {
        return "`relax_mode` = `free` (and `,mode=free` appended to `relax_settings`), as version 1 relaxed all six cell"
                + " components; `sample` = 0 and `group_id` = `id`; `sqs_warren_cowley` renamed `warren_cowley` and"
                + " `cubic_deviation_gpa` renamed `elastic_symmetry_deviation_gpa`; `flags` = [`unconverged`] for an"
                + " ok row with `relax_converged` false; structure identity, instability probe, full elastic tensor,"
                + " Born stability and the other flags unknown";
    }

    @Override
    public RecordRow migrate(RecordRow row) {
        RecordRow r = row.renamed("sqs_warren_cowley", "warren_cowley")
                .renamed("cubic_deviation_gpa", "elastic_symmetry_deviation_gpa")
                .with("relax_mode", RelaxMode.FREE.key())
                .with("sample", 0)
                .with("group_id", row.get("id"));
        Object settings = row.get("relax_settings");
        if (settings instanceof String s && !s.contains(",mode=")) {
            r = r.with("relax_settings", s + ",mode=" + RelaxMode.FREE.key());
        }
        if ("ok".equals(row.get("status")) && Boolean.FALSE.equals(row.get("relax_converged"))) {
            r = r.with("flags", List.of(RecordFlag.UNCONVERGED.key()));
        }
        return r.with(RecordRow.VERSION_COLUMN, 2);
    }
}
