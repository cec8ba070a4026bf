package org.matscreen.repository.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.matscreen.repository.JsonFiles;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.SyntheticRecords;
import org.matscreen.repository.TestRepositories;

/** The synthetic Co–Cr–Fe–Ni repository with a manifest whose campaign has two objectives. */
public final class ReportFixtures {
    public static final String CAMPAIGN_YAML = """
            name: synthetic-hea
            description: Co-Cr-Fe-Ni solid solutions (synthetic values)
            space: {elements: [Co, Cr, Fe, Ni], orders: [1, 2, 3, 4], step: 0.25}
            structure: {prototypes: [fcc, bcc], supercell: [2, 2, 2]}
            method: {potential: CoCrFeNi.eam.alloy}
            screening: {objectives: ["min dh_mix_ev_per_atom", "max bulk_modulus_gpa"]}
            """;

    private ReportFixtures() {}

    public static RepositoryLayout repository(Path dir) {
        RepositoryLayout layout = TestRepositories.quaternary(dir);
        JsonFiles.write(layout, layout.manifest(), new Manifest(1, SyntheticRecords.CAMPAIGN,
                "Co-Cr-Fe-Ni solid solutions (synthetic values)", CAMPAIGN_YAML, "2026-01-01T00:00:00Z",
                "2026-01-01T00:10:00Z", "ab".repeat(32), 70, Map.of("ok", 68L, "crashed", 1L, "timeout", 1L), "0.1.0",
                "abc", "LAMMPS 20210929", new Manifest.Potential("CoCrFeNi.eam.alloy", "eam/alloy", "9f".repeat(32),
                        "Zhou et al. (2004)", List.of("Co", "Cr", "Fe", "Ni")),
                List.of(new Manifest.Run("2026-01-01T00:00:00Z", "2026-01-01T00:10:00Z", "local[2]", 2, 70, 0,
                        Map.of("ok", 68L), 600, 1100, true))));
        return layout;
    }
}
