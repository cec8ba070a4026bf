package org.matscreen.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.schema.MessageType;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.screening.Metric;
import org.matscreen.core.screening.Metrics;

/**
 * The per-composition aggregates table, one row per group of records along an axis (today: the independent
 * orderings of one composition, prototype, recipe and method), in {@code aggregates/<axis>/part-*.parquet}. For
 * every metric of the record schema it holds the mean, sample standard deviation, standard error of the mean and the
 * number of members that had a value, over the group's OK members; ranking reads it when a campaign samples more than
 * one ordering. Rewritten from the committed records by every run, so it never disagrees with them.
 */
public final class AggregateSchema {
    public static final int VERSION = 1;
    public static final String MESSAGE_NAME = "matscreen_aggregate";
    /** Suffixes of the four columns each metric gets. */
    public static final List<String> STATISTICS = List.of("mean", "std", "sem", "n");

    private static final List<Column> COLUMNS;

    static {
        List<Column> c = new ArrayList<>();
        c.add(req("group_id", Column.Kind.STRING, "", "the group's key: for configurations, the id of sample 0"));
        c.add(req("axis", Column.Kind.STRING, "", "what the members differ in: configurations"));
        c.add(req("aggregate_schema_version", Column.Kind.INT32, "", "version of this table's schema"));
        c.add(req("campaign", Column.Kind.STRING, "", "campaign that computed the members"));
        c.add(req("formula", Column.Kind.STRING, "", "nominal composition as atomic fractions"));
        c.add(req("cell_formula", Column.Kind.STRING, "", "composition of the computed cells as atomic fractions"));
        c.add(req("reduced_formula", Column.Kind.STRING, "", "reduced formula of the computed cells"));
        c.add(req("chemical_system", Column.Kind.STRING, "", "elements joined by '-', alphabetical"));
        c.add(req("elements", Column.Kind.LIST_STRING, "", "element symbols, alphabetical"));
        c.add(req("element_fractions", Column.Kind.LIST_DOUBLE, "", "nominal atomic fractions, aligned with elements"));
        c.add(req("prototype", Column.Kind.STRING, "", "crystal prototype"));
        c.add(req("supercell", Column.Kind.STRING, "", "repeats of the conventional cell"));
        c.add(req("ordering", Column.Kind.STRING, "", "site ordering of the members: random or sqs"));
        c.add(req("members", Column.Kind.INT32, "records", "records of the group"));
        c.add(req("ok_members", Column.Kind.INT32, "records", "members with status ok (the statistics are over these)"));
        c.add(req("member_ids", Column.Kind.LIST_STRING, "", "ids of the members, sorted"));
        c.add(req("flags", Column.Kind.LIST_STRING, "", "flags carried by at least one ok member"));
        for (RecordFlag f : RecordFlag.values()) {
            c.add(req(flagColumn(f), Column.Kind.INT32, "records", "ok members with the " + f.key() + " flag"));
        }
        for (Metric m : Metrics.all().values()) {
            c.add(opt(m.key() + "_mean", Column.Kind.DOUBLE, m.unit(), "mean over the ok members of " + m.key()));
            c.add(opt(m.key() + "_std", Column.Kind.DOUBLE, m.unit(), "sample standard deviation of " + m.key()
                    + " (unknown for fewer than 2 values)"));
            c.add(opt(m.key() + "_sem", Column.Kind.DOUBLE, m.unit(), "standard error of the mean of " + m.key()
                    + ", std/√n"));
            c.add(opt(m.key() + "_n", Column.Kind.INT32, "records", "ok members with a value of " + m.key()));
        }
        COLUMNS = Collections.unmodifiableList(c);
    }

    private AggregateSchema() {}

    /** Column counting the members with {@code flag}, e.g. {@code members_prototype_unstable}. */
    public static String flagColumn(RecordFlag flag) {
        return "members_" + flag.name().toLowerCase(Locale.ROOT);
    }

    public static List<Column> columns() {
        return COLUMNS;
    }

    public static MessageType parquetSchema() {
        return RecordSchema.parquetSchema(MESSAGE_NAME, COLUMNS);
    }

    private static Column req(String name, Column.Kind kind, String unit, String description) {
        return new Column(name, kind, true, unit, description);
    }

    private static Column opt(String name, Column.Kind kind, String unit, String description) {
        return new Column(name, kind, false, unit, description);
    }
}
