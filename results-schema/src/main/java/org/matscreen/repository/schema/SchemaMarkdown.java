package org.matscreen.repository.schema;

import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import org.matscreen.core.properties.PropertyCalculation;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Step;
import org.matscreen.repository.AggregateSchema;
import org.matscreen.repository.Column;
import org.matscreen.repository.RecordSchema;
import org.matscreen.repository.hdf5.Hdf5Layout;

/** The human-readable schema description, {@code results-schema/SCHEMA.md}, generated from the code. */
public final class SchemaMarkdown {
    private SchemaMarkdown() {}

    public static String generate() {
        StringBuilder b = new StringBuilder();
        b.append("# matscreen repository schema, version ").append(RecordSchema.VERSION).append("\n\n");
        b.append("<!-- Generated from RecordSchema, PropertyRegistry, AggregateSchema, Manifest, SchemaMigrations and\n")
                .append("     Hdf5Layout by\n")
                .append("     org.matscreen.repository.schema.SchemaFiles; do not edit. SchemaFilesTest fails when this file\n")
                .append("     and the code disagree, and says how to regenerate it. -->\n\n");
        b.append("""
                A campaign's repository is plain Parquet and JSON, readable without matscreen (Spark, pyarrow, DuckDB):

                ```
                <root>/manifest.json                                  the campaign, counts, runs, provenance
                <root>/references.json                                pure-element reference energies per potential
                <root>/data/system=<chemical system>/chunk-<first>-<last>-<token>.parquet   one row per candidate
                <root>/aggregates/configurations/part-<token>.parquet      one row per composition (sampled campaigns)
                <root>/aggregates/potentials/part-<token>.parquet          one row per composition (ensembles)
                <root>/adaptive/surrogate-map/part-*.parquet          adaptive campaigns: the surrogate's view of the space
                ```

                `data/` is Hive-partitioned by chemical system (`system=Co-Cr-Fe-Ni`), so readers infer a `system`
                column and prune by it. A chunk's name carries the span of candidate indices it holds; files are written
                under `_staging/` and renamed into place, so a reader never sees a partial file.

                The surrogate map of an adaptive campaign (`screening.strategy: adaptive`), written by Spark when the
                campaign has nothing left to compute, holds one row per candidate of the space: `candidate_index`,
                `chemical_system`, `formula`, `prototype`, for every objective and filter metric `<metric>_mean` and
                `<metric>_sd` (posterior mean and standard deviation of the noise-free value, in the metric's unit; sd 0
                for a descriptor computed exactly), `probability_feasible` (of passing every filter), `ehvi` (expected
                hypervolume improvement, in the product of the objectives' units), `acquisition` (ehvi ×
                probability_feasible) and `simulated` (true for a committed candidate). The manifest's `adaptive`
                section describes the rounds that chose what was simulated.

                Machine-readable files beside this one, generated from the same code:

                | file | what |
                |---|---|
                | `schema/record.schema.json` | JSON Schema (draft 2020-12) of one record in its JSON form |
                | `schema/manifest.schema.json` | JSON Schema of `manifest.json` |
                | `schema/record.parquet.txt` | the Parquet schema of a chunk file |
                | `schema/aggregate.parquet.txt` | the Parquet schema of an aggregates file |

                """);
        b.append("## Record columns\n\n");
        b.append("One row per candidate. *Required* columns are present in every row; optional ones are null when"
                + " unknown (e.g. the properties of a failed candidate). Units are also in the column names where a"
                + " number has one; `x-unit` in the JSON Schema and the `units` attribute in HDF5 carry them too.\n\n");
        b.append("| column | type | required | unit | description |\n|---|---|---|---|---|\n");
        for (Column c : RecordSchema.columns()) {
            b.append("| `").append(c.name()).append("` | ").append(typeName(c.kind())).append(" | ")
                    .append(c.required() ? "yes" : "no").append(" | ").append(cell(c.unit())).append(" | ")
                    .append(cell(c.description())).append(" |\n");
        }
        b.append("""

                Types: `string` is Parquet BINARY (UTF-8); `int32`, `int64`, `double`, `boolean` are the Parquet
                primitives; `timestamp` is INT64 TIMESTAMP(MILLIS, UTC), in JSON an integer (ms since the Unix epoch);
                `list<…>` is the standard 3-level Parquet LIST, in JSON an array. Lists aligned with `elements`
                (`element_fractions`, `cell_counts`) have one item per element; `site_species` (an index into
                `elements`) has one per site and `fractional_positions` three per site; `lattice_vectors_angstrom` holds
                a, b, c row by row; the elastic stresses are 6×6, row = strained Voigt component.

                A failed, timed-out or crashed candidate keeps its recipe (`prototype`, `supercell`, `ordering`,
                `start_lattice_parameter_angstrom`, and the id, which seeds the site ordering), its status and the code's
                error text; its structure and property columns are null.

                """);
        properties(b);
        flags(b);
        aggregates(b);
        b.append("## Manifest (`manifest.json`)\n\n| field | type | unit | description |\n|---|---|---|---|\n");
        for (ManifestJsonSchema.Field f : ManifestJsonSchema.fields()) {
            b.append("| `").append(f.path()).append("` | ").append(f.type()).append(" | ").append(cell(f.unit()))
                    .append(" | ").append(cell(f.description())).append(" |\n");
        }
        b.append("\n");
        hdf5(b);
        b.append("## Versions and migration\n\n");
        b.append("Every row carries `schema_version`. Readers bring older rows up to the current version with a chain"
                + " of migrations, one step per version, applied as rows are read (files are never rewritten);"
                + " a row from a newer version than the reader knows is refused.\n\n");
        b.append("| from | to | change |\n|---|---|---|\n");
        for (SchemaMigration m : SchemaMigrations.steps()) {
            b.append("| ").append(m.fromVersion()).append(" | ").append(m.fromVersion() + 1).append(" | ")
                    .append(m.description()).append(" |\n");
        }
        return b.toString();
    }

    private static void properties(StringBuilder b) {
        b.append("## Properties\n\nThe property columns come from the registered property calculations"
                + " (`org.matscreen.core.properties.PropertyRegistry`), each with the code-neutral protocol steps it"
                + " asks the simulation code for. A property whose settings are off leaves its columns null.\n\n");
        b.append("| property | steps | columns | what |\n|---|---|---|---|\n");
        for (PropertyCalculation p : PropertyRegistry.standard()) {
            Set<Step> steps = new java.util.TreeSet<>(p.steps(RelaxSettings.DEFAULT, PropertySettings.DEFAULT));
            b.append("| `").append(p.name()).append("` | ")
                    .append(steps.isEmpty() ? "(the primary relaxation)"
                            : steps.stream().map(Step::key).collect(Collectors.joining(", ")))
                    .append(" | ").append(p.columns().stream().map(c -> "`" + c.name() + "`")
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(cell(p.description())).append(" |\n");
        }
        b.append("""

                The relaxation the energy and properties belong to is shape-fixed (`relax_mode` `shape-fixed` or
                `both`: the cell keeps the prototype's shape, c/a free for hcp), so mixing enthalpies compare the
                solid solution and the pure elements in the same prototype; with `both`, a free relaxation of the same
                cell (strained by 1 % to leave a symmetric saddle) probes the prototype's stability. `bulk_modulus_gpa`
                (Birch–Murnaghan, E(V) along the hydrostatic path, ±2 % in volume by default) is the bulk modulus
                ranking objectives name; `bulk_modulus_cij_gpa` (Reuss average of the elastic tensor) agrees with it
                within 1 % for the 17 Zhou 2004 metals and is recorded beside it. E(V) scans and elastic constants are
                computed only on a relaxation that met its tolerances.

                """);
    }

    private static void flags(StringBuilder b) {
        b.append("## Flags\n\nThe `flags` column lists what the record's numbers deserve. Pareto ranks and top-k"
                + " leave out records carrying an excluding flag, unless the campaign lists it under"
                + " `screening.admit`, and only when the ranking reads a computed property (a ranking on composition"
                + " descriptors alone ranks every record).\n\n| flag | left out of ranking | meaning |\n|---|---|---|\n");
        for (RecordFlag f : RecordFlag.values()) {
            b.append("| `").append(f.key()).append("` | ").append(f.excludesFromRanking() ? "yes" : "no").append(" | ")
                    .append(cell(f.meaning())).append(" |\n");
        }
        b.append("\n");
    }

    private static void aggregates(StringBuilder b) {
        b.append("## Aggregates (`aggregates/configurations/`, `aggregates/potentials/`)\n\nBoth tables share one"
                + " Parquet schema (`axis` says which) and are rewritten from the committed records by every"
                + " ranking.\n\n**Configurations.** A campaign with `structure.samples: N > 1` computes N independent"
                + " orderings of every composition (sample s has its own id and seed); one row per composition,"
                + " prototype, recipe and potential. Ranking reads the means; a composition is ranked only if none of"
                + " its ok members carries an excluding flag. Every metric of the record schema gets four columns:"
                + " `<metric>_mean`, `<metric>_std` (sample standard deviation), `<metric>_sem` (standard error of"
                + " the mean) and `<metric>_n`.\n\n**Potentials.** A campaign naming several potentials"
                + " (`method.potential: [a, b, ...]`, an ensemble) computes every cell with each member, the members"
                + " of a cell sharing its ordering (`configuration_id`); one row per composition, prototype and"
                + " recipe. Each member's value of a metric is its mean over its orderings; `<metric>_mean`,"
                + " `<metric>_std` and `<metric>_n` are over the members' values, and every computed property also"
                + " gets `<metric>_min`, `<metric>_max`, `<metric>_range`, `<metric>_member_values` (aligned with"
                + " `potentials`) and `<metric>_configuration_std` (the spread over orderings pooled within the"
                + " members, next to the spread over potentials). Ranking reads this table: by the members' mean or,"
                + " with `screening.ensemble: worst`, by the least favourable member per objective direction (filters"
                + " must then hold for every member); a composition is ranked only when every member computed it and"
                + " no ok record of any member carries an excluding flag.\n\nThe other columns:\n\n");
        b.append("| column | type | required | unit | description |\n|---|---|---|---|---|\n");
        for (Column c : AggregateSchema.columns()) {
            if (c.name().endsWith("_mean") || c.name().endsWith("_std") || c.name().endsWith("_sem")
                    || c.name().endsWith("_min") || c.name().endsWith("_max") || c.name().endsWith("_range")
                    || c.name().endsWith("_member_values")
                    || (c.name().endsWith("_n") && !c.required())) {
                continue;
            }
            b.append("| `").append(c.name()).append("` | ").append(typeName(c.kind())).append(" | ")
                    .append(c.required() ? "yes" : "no").append(" | ").append(cell(c.unit())).append(" | ")
                    .append(cell(c.description())).append(" |\n");
        }
        b.append("\n");
    }

    private static void hdf5(StringBuilder b) {
        b.append("## HDF5 export (`matscreen export --format hdf5`)\n\n");
        b.append("One file, layout version ").append(Hdf5Layout.FORMAT_VERSION).append(", written with jhdf and"
                + " readable by any HDF5 reader (h5py, `h5dump`):\n\n");
        b.append("```\n");
        b.append("/                                root attributes: format = \"").append(Hdf5Layout.FORMAT)
                .append("\", format_version, schema_version,\n")
                .append("                                 exported_at, exporter, filter (the --where text), records\n");
        b.append("/<campaign>/                     attributes from manifest.json: campaign, description, campaign_yaml,\n")
                .append("                                 fingerprint, candidates, created_at, updated_at,"
                        + " matscreen_version,\n")
                .append("                                 matscreen_commit, code_version, potential_name,"
                        + " potential_pair_style,\n")
                .append("                                 potential_key, potential_citation, potential_elements\n");
        b.append("/<campaign>/<chemical system>/   attributes: chemical_system, elements, records\n");
        b.append("    <column>                     one dataset per record column (below)\n");
        b.append("    <column>").append(Hdf5Layout.OFFSETS_SUFFIX)
                .append("             [records + 1] int64 index of a list column of varying length\n");
        b.append("    ").append(Hdf5Layout.STRUCTURES).append("/\n");
        b.append("        lattice_vectors_angstrom [records, 3, 3]\n");
        b.append("        ").append(Hdf5Layout.SITE_OFFSETS)
                .append("             [records + 1] int64: sites of record i are rows site_offsets[i] .. site_offsets[i+1]-1\n");
        b.append("        site_species             [sites] int32, index into the group's elements\n");
        b.append("        fractional_positions     [sites, 3]\n");
        b.append("```\n\n");
        b.append("Every dataset has the attributes `").append(Hdf5Layout.DESCRIPTION).append("` and, where the value"
                + " has a unit, `").append(Hdf5Layout.UNITS).append("`. Unknown values: NaN in float64 datasets, the"
                + " `").append(Hdf5Layout.FILL_VALUE).append("` attribute's value in integer datasets (")
                .append(Hdf5Layout.INT_FILL).append(" for int32, ").append(Hdf5Layout.LONG_FILL)
                .append(" for int64, ").append(Hdf5Layout.BOOLEAN_FILL).append(" for booleans stored as int8), an"
                + " empty string in string datasets. A list column that no record of a system has is left out"
                + " (its offsets are all zero).\n\n");
        b.append("| shape | columns |\n|---|---|\n");
        for (Hdf5Layout.Shape s : Hdf5Layout.Shape.values()) {
            List<String> names = RecordSchema.columns().stream().filter(c -> Hdf5Layout.shape(c) == s)
                    .map(c -> "`" + c.name() + "`").toList();
            b.append("| ").append(shapeText(s)).append(" | ").append(String.join(", ", names)).append(" |\n");
        }
        b.append("\nStorage types: ");
        b.append(java.util.Arrays.stream(Column.Kind.values()).filter(k -> !k.isList())
                .map(k -> typeName(k) + " → " + Hdf5Layout.storageType(k)).collect(Collectors.joining("; ")));
        b.append(".\n\n");
    }

    private static String shapeText(Hdf5Layout.Shape s) {
        return switch (s) {
            case SCALAR -> "`[records]`";
            case PER_ELEMENT -> "`[records, nelements]`";
            case MATRIX -> "`[records, 3, 3]` / `[records, 6, 6]`, NaN when unknown";
            case PER_SITE -> "per site in `structures/`, indexed by `site_offsets`";
            case RAGGED -> "concatenated, indexed by `<column>_offsets`";
        };
    }

    static String typeName(Column.Kind kind) {
        return switch (kind) {
            case STRING -> "string";
            case INT32 -> "int32";
            case INT64 -> "int64";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case TIMESTAMP_MS -> "timestamp";
            case LIST_STRING -> "list\\<string>";
            case LIST_INT32 -> "list\\<int32>";
            case LIST_DOUBLE -> "list\\<double>";
        };
    }

    /** A table cell: pipes escaped, empty shown as a dash. */
    private static String cell(String text) {
        return text.isEmpty() ? "–" : text.replace("|", "\\|");
    }
}
