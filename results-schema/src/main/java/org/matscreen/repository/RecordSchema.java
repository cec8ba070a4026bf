package org.matscreen.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.matscreen.core.properties.PropertyColumn;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.screening.Metric;
import org.matscreen.core.screening.Metrics;

/**
 * Version 3 of the matscreen record schema: one row per candidate, flat columns for everything a query filters on,
 * standard Parquet 3-level lists for arrays, so plain Spark, pyarrow or DuckDB read it without matscreen. Property
 * columns come from the registered properties ({@link PropertyRegistry}) and descriptor columns from the metric
 * catalogue, so a new property or descriptor is a new optional column without editing this class.
 */
public final class RecordSchema {
    public static final int VERSION = 3;
    public static final String MESSAGE_NAME = "matscreen_record";

    private static final List<Column> COLUMNS;
    private static final Map<String, Column> BY_NAME;

    static {
        List<Column> c = new ArrayList<>();
        // identity
        c.add(req("id", Column.Kind.STRING, "", "content hash of composition, structure recipe and method (SHA-256, hex)"));
        c.add(req("schema_version", Column.Kind.INT32, "", "version of this schema the row was written with"));
        c.add(req("campaign", Column.Kind.STRING, "", "name of the campaign that computed the row"));
        c.add(req("candidate_index", Column.Kind.INT64, "", "position in the campaign's enumeration order"));
        c.add(opt("sample", Column.Kind.INT32, "", "which independent ordering of the composition (0-based; structure"
                + ".samples of the campaign)"));
        c.add(opt("group_id", Column.Kind.STRING, "", "id of sample 0 of the same composition, recipe and method: the"
                + " configuration group the aggregates table summarises"));
        c.add(opt("configuration_id", Column.Kind.STRING, "", "for a member of an ensemble of potentials"
                + " (method.potential: [a, b, ...]): hash of composition and structure recipe, method left out"
                + " (SHA-256, hex); it seeds the site ordering, so every member computing the same cell shares it;"
                + " absent for a single-potential record, whose ordering is seeded from id"));
        // composition
        c.add(req("formula", Column.Kind.STRING, "", "nominal composition as atomic fractions, e.g. Cu0.95Ni0.05"));
        c.add(req("reduced_formula", Column.Kind.STRING, "",
                "reduced formula of the computed cell, alphabetical, e.g. Cu19Ni (OPTIMADE chemical_formula_reduced)"));
        c.add(req("chemical_system", Column.Kind.STRING, "", "elements joined by '-', alphabetical, e.g. Cu-Ni"));
        c.add(req("elements", Column.Kind.LIST_STRING, "", "element symbols, alphabetical"));
        c.add(req("nelements", Column.Kind.INT32, "", "number of elements"));
        c.add(req("element_fractions", Column.Kind.LIST_DOUBLE, "", "nominal atomic fractions, aligned with elements"));
        c.add(req("cell_counts", Column.Kind.LIST_INT32, "atoms", "atoms of each element in the computed cell"));
        // structure recipe
        c.add(req("prototype", Column.Kind.STRING, "", "crystal prototype: fcc, bcc or hcp"));
        c.add(req("supercell", Column.Kind.STRING, "", "repeats of the conventional cell, e.g. 5x3x3"));
        c.add(req("ordering", Column.Kind.STRING, "", "site ordering: random or sqs"));
        c.add(req("composition_tolerance", Column.Kind.DOUBLE, "", "accepted |count/n - x| when rounding to atoms"));
        c.add(req("sqs_shells", Column.Kind.INT32, "", "neighbour shells optimised by the SQS search"));
        c.add(req("sqs_sweeps", Column.Kind.INT32, "", "SQS swap attempts per site"));
        c.add(req("start_lattice_parameter_angstrom", Column.Kind.DOUBLE, "Å",
                "conventional lattice parameter of the starting cell (with id and recipe it rebuilds the cell)"));
        c.add(req("nsites", Column.Kind.INT32, "atoms", "sites in the computed cell"));
        c.add(opt("warren_cowley", Column.Kind.LIST_DOUBLE, "",
                "Warren–Cowley short-range-order parameters alpha[shell][i][j] of the starting cell over the first"
                        + " sqs_shells shells (what the SQS search reached, or the random ordering's own), flattened"
                        + " (shell, i, j over elements); absent for pure elements"));
        // outcome
        c.add(req("status", Column.Kind.STRING, "", "ok, failed, timeout, crashed or quarantined"));
        c.add(req("error", Column.Kind.STRING, "", "the simulation code's error text (empty when ok)"));
        // relaxed structure
        c.add(opt("lattice_vectors_angstrom", Column.Kind.LIST_DOUBLE, "Å",
                "relaxed cell vectors a, b, c as 9 numbers, row by row"));
        c.add(opt("site_species", Column.Kind.LIST_INT32, "", "species of each site as an index into elements"));
        c.add(opt("fractional_positions", Column.Kind.LIST_DOUBLE, "",
                "relaxed fractional coordinates, 3 per site"));
        // relaxation (the primary one: shape-fixed unless relax_mode is free)
        c.add(opt("relax_mode", Column.Kind.STRING, "", "shape-fixed, free or both: whether the cell shape was held to"
                + " the prototype's symmetry for the energy and properties, and whether a free relaxation probed the"
                + " prototype's stability"));
        c.add(opt("relax_converged", Column.Kind.BOOLEAN, "", "final forces and stresses met the tolerances"));
        c.add(opt("relax_minimisations", Column.Kind.INT32, "", "minimisations run (1 + restarts)"));
        c.add(opt("relax_iterations", Column.Kind.INT32, "", "minimiser iterations in total"));
        c.add(opt("relax_stop_reason", Column.Kind.STRING, "", "last stopping criterion as the code stated it"));
        c.add(opt("relax_early_stops", Column.Kind.INT32, "", "minimisations that stopped before a tolerance"));
        c.add(opt("relax_max_force_ev_per_angstrom", Column.Kind.DOUBLE, "eV/Å", "largest final force on an atom"));
        c.add(opt("relax_max_pressure_bar", Column.Kind.DOUBLE, "bar", "largest final |stress| over the components the"
                + " relaxation relaxes (shape-fixed cubic: the pressure; hexagonal: the a/b mean and c; free: all six)"));
        c.add(opt("relax_stress_gpa", Column.Kind.LIST_DOUBLE, "GPa", "stress of the relaxed cell, Voigt order (xx, yy,"
                + " zz, yz, xz, xy), positive in tension; null where the code did not report it"));
        // properties from the registered property calculations, then their flags
        for (PropertyColumn p : PropertyRegistry.columns()) {
            c.add(opt(p.name(), kind(p.kind()), p.unit(), p.description()));
        }
        c.add(opt(PropertyRegistry.FLAGS.name(), Column.Kind.LIST_STRING, "", PropertyRegistry.FLAGS.description()));
        // composition descriptors from the metric catalogue
        for (Metric m : Metrics.all().values()) {
            if (!Metrics.isPropertyMetric(m.key())) {
                c.add(opt(m.key(), Column.Kind.DOUBLE, m.unit(), m.description()));
            }
        }
        c.add(opt("eos_volumes_a3_per_atom", Column.Kind.LIST_DOUBLE, "Å³/atom", "E(V) scan volumes"));
        c.add(opt("eos_energies_ev_per_atom", Column.Kind.LIST_DOUBLE, "eV/atom", "E(V) scan energies"));
        c.add(opt("elastic_strain", Column.Kind.DOUBLE, "", "magnitude of the finite strains"));
        c.add(opt("elastic_stress_plus_gpa", Column.Kind.LIST_DOUBLE, "GPa",
                "stress (Voigt, tension positive) under +strain along each Voigt component: 6x6, row = strain"));
        c.add(opt("elastic_stress_minus_gpa", Column.Kind.LIST_DOUBLE, "GPa", "the same under -strain"));
        // method
        c.add(req("code", Column.Kind.STRING, "", "simulation code"));
        c.add(req("code_version", Column.Kind.STRING, "", "simulation code version as the library reports it"));
        c.add(req("pair_style", Column.Kind.STRING, "", "LAMMPS pair style"));
        c.add(req("method_potential", Column.Kind.STRING, "",
                "the campaign's potential: a file name, a generated family (zhou2004) or a per-system map"));
        c.add(req("method_potential_key", Column.Kind.STRING, "",
                "SHA-256 of that file, or of the family's or map's definition (enters the id)"));
        c.add(req("method_potential_elements", Column.Kind.LIST_STRING, "", "elements the campaign's potential covers"));
        c.add(req("method_potential_citation", Column.Kind.STRING, "", "reference(s) for the campaign's potential"));
        c.add(req("potential_name", Column.Kind.STRING, "", "potential file name"));
        c.add(req("potential_path", Column.Kind.STRING, "", "absolute path of the potential file used"));
        c.add(req("potential_sha256", Column.Kind.STRING, "", "SHA-256 of the potential file's bytes"));
        c.add(req("potential_citation", Column.Kind.STRING, "", "reference for the potential"));
        c.add(req("potential_elements", Column.Kind.LIST_STRING, "", "elements the potential file covers"));
        // fit scope of the potential (issue 14): optional, so rows written before read as not stated
        c.add(opt("method_potential_fit_scope", Column.Kind.STRING, "",
                "unlike pairs the campaign's potential was fitted to: 'fitted:' then the pairs A-B (none after the"
                        + " colon: cross terms from a mixing rule only), 'unknown', or 'first-principles' for a DFT"
                        + " method"));
        c.add(opt("potential_fit", Column.Kind.STRING, "",
                "how the potential's fit covers this composition: fitted (every unlike pair of its elements),"
                        + " partial, mixing_rule (none), unknown, or first_principles (a DFT method)"));
        c.add(opt("potential_fitted_pairs", Column.Kind.LIST_STRING, "",
                "unlike pairs of this composition's elements the potential was fitted to, A-B alphabetical"));
        c.add(req("relax_settings", Column.Kind.STRING, "", "relaxation tolerances (key=value list)"));
        c.add(req("property_settings", Column.Kind.STRING, "", "property protocol (key=value list)"));
        // provenance
        c.add(req("matscreen_version", Column.Kind.STRING, "", "matscreen version"));
        c.add(req("matscreen_commit", Column.Kind.STRING, "", "git commit of the matscreen build"));
        c.add(req("host", Column.Kind.STRING, "", "host that computed the row"));
        c.add(req("started_at", Column.Kind.TIMESTAMP_MS, "ms since epoch (UTC)", "start of the calculation"));
        c.add(req("finished_at", Column.Kind.TIMESTAMP_MS, "ms since epoch (UTC)", "end of the calculation"));
        c.add(req("wall_seconds", Column.Kind.DOUBLE, "s", "wall time of the candidate"));
        c.add(req("native_seconds", Column.Kind.DOUBLE, "s", "time inside the simulation code"));
        c.add(req("origin", Column.Kind.STRING, "",
                "computed, cache:<campaign> (an identical calculation reused) or pulled:<url> (copied from a server)"));
        // visibility
        c.add(req("visibility", Column.Kind.STRING, "", "public, consortium or embargoed"));
        c.add(opt("embargo_until", Column.Kind.STRING, "date", "last day of the embargo, YYYY-MM-DD"));
        c.add(req("owner", Column.Kind.STRING, "", "group that owns the record"));
        COLUMNS = Collections.unmodifiableList(c);
        Map<String, Column> by = new LinkedHashMap<>();
        for (Column col : c) {
            if (by.put(col.name(), col) != null) {
                throw new IllegalStateException("duplicate column " + col.name());
            }
        }
        BY_NAME = Collections.unmodifiableMap(by);
    }

    private RecordSchema() {}

    private static Column.Kind kind(PropertyColumn.Kind k) {
        return switch (k) {
            case DOUBLE -> Column.Kind.DOUBLE;
            case BOOLEAN -> Column.Kind.BOOLEAN;
            case STRING -> Column.Kind.STRING;
            case LIST_DOUBLE -> Column.Kind.LIST_DOUBLE;
            case LIST_STRING -> Column.Kind.LIST_STRING;
        };
    }

    private static Column req(String name, Column.Kind kind, String unit, String description) {
        return new Column(name, kind, true, unit, description);
    }

    private static Column opt(String name, Column.Kind kind, String unit, String description) {
        return new Column(name, kind, false, unit, description);
    }

    public static List<Column> columns() {
        return COLUMNS;
    }

    public static Column column(String name) {
        return BY_NAME.get(name);
    }

    /** The Parquet schema of version {@value #VERSION}. */
    public static MessageType parquetSchema() {
        return parquetSchema(MESSAGE_NAME, COLUMNS);
    }

    /** The Parquet schema of any table made of {@link Column}s (records, aggregates). */
    public static MessageType parquetSchema(String messageName, List<Column> columns) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column c : columns) {
            b.addField(parquetType(c));
        }
        return b.named(messageName);
    }

    private static Type parquetType(Column c) {
        Type.Repetition rep = c.required() ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
        return switch (c.kind()) {
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType())
                    .named(c.name());
            case INT32 -> Types.primitive(PrimitiveTypeName.INT32, rep).named(c.name());
            case INT64 -> Types.primitive(PrimitiveTypeName.INT64, rep).named(c.name());
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(c.name());
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(c.name());
            case TIMESTAMP_MS -> Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
                    .named(c.name());
            case LIST_STRING -> list(rep, Types.required(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType()).named("element"), c.name());
            case LIST_INT32 -> list(rep, Types.required(PrimitiveTypeName.INT32).named("element"), c.name());
            case LIST_DOUBLE -> list(rep, Types.required(PrimitiveTypeName.DOUBLE).named("element"), c.name());
        };
    }

    /** The standard 3-level Parquet LIST: {@code <name> (LIST) { repeated group list { element } }}. */
    private static Type list(Type.Repetition rep, Type element, String name) {
        return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
                .addField(Types.repeatedGroup().addField(element).named("list"))
                .named(name);
    }
}
